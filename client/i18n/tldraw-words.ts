/**
 * tldraw's own menu words where they name our things: one word for one thing. tldraw's Dutch
 * calls a sticky note "Opmerking" and a frame "Kader"; our screens say "Notitie" and "frame".
 */
import type { TLUiOverrides } from 'tldraw'

export const TLDRAW_WORDS: TLUiOverrides = {
  translations: {
    nl: {
      'tool.note': 'Notitie',
      'tool.frame': 'Frame',
      'action.remove-frame': 'Frame weghalen',
      'action.frame-selection': 'Selectie in een frame zetten',
    },
  },
}
