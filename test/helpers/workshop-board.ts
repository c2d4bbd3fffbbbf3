/**
 * A board as it looks after a workshop, as valid tldraw records: a regie map (actors and
 * relations from a small model, laid out as the app does), a lane with sticky notes by named
 * participants, loose text, a card, and one locked note in the structure document. Texts carry
 * Dutch characters (ë, é, ij) and a formula-like note, so exports can be checked for both.
 */
import { toRichText, type TLParentId, type TLRecord, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { documentRecords, PAGE_ID } from '../../shared/board/board-schema.ts'
import { layOutModel } from '../../shared/board/lay-out-model.ts'
import { modelToRecords } from '../../shared/board/model-to-records.ts'
import { ITEM_SHAPE } from '../../shared/board/regie-shapes.ts'
import type { RegieModel } from '../../shared/regie/model.ts'

export const WORKSHOP_MODEL: RegieModel<string> = {
  actors: [
    { id: 'gemeente', kind: 'gemeente', name: 'Gemeente Oosterhoüt' },
    { id: 'regieteam', kind: 'regieteam', name: 'Regieteam Sociaal Domein' },
    { id: 'dienst', kind: 'uitvoeringsorganisatie', name: 'Uitvoeringsdienst Vrijheid & Zorg' },
    { id: 'inwoners', kind: 'inwoners', name: 'Inwoners van de wijk Ijsselmonde' },
    { id: 'zonder-naam', kind: 'bedrijf', name: '' },
  ],
  relations: [
    { id: 'r-uit', kind: 'uitbesteding', from: 'gemeente', to: 'dienst', label: 'Schoonmaak; "groen" onderhoud' },
    { id: 'r-odg', kind: 'opdrachtgeverschap', from: 'regieteam', to: 'dienst', radReference: 'RAD-2026-één' },
    { id: 'r-co', kind: 'co-creatie', from: 'gemeente', to: 'inwoners', label: 'Wijkplan café' },
    { id: 'r-bedrijf', kind: 'uitbesteding', from: 'gemeente', to: 'zonder-naam' },
  ],
  groups: [],
  blocks: [],
}

export const NOTE_TEXTS = {
  first: 'Fietsstraat door de wijk — ideeën: één, café, ijsje',
  second: '=HYPERLINK("http://example.com")',
  third: 'Meer groen; minder "grijs"',
  loose: 'Losse tekst naast de baan',
  locked: 'Vastgezet: rol van de raad',
} as const

const LANE_ID = 'shape:lane-wijk' as TLShapeId

function base(id: string, type: string, parentId: TLParentId, index: string, x: number, y: number, meta: Record<string, string> = {}) {
  return { id: id as TLShapeId, typeName: 'shape' as const, type, parentId, index: index as IndexKey, x, y, rotation: 0, isLocked: false, opacity: 1, meta }
}

function note(id: string, text: string, parentId: TLParentId, index: string, x: number, y: number, author?: string): TLShape {
  return {
    ...base(id, 'note', parentId, index, x, y, author ? { createdBy: `id-${author}`, createdByName: author } : {}),
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1, // a factor in tldraw 5: 0 draws the text at size 0
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(text),
      scale: 1,
      textLastEditedBy: null,
    },
  } as TLShape
}

export interface WorkshopBoard {
  records: TLRecord[]
  structure: TLRecord[]
  /** Ids of the notes, for voting on them. */
  notes: { first: TLShapeId; second: TLShapeId; third: TLShapeId; locked: TLShapeId }
}

export async function workshopBoard(title = 'Wijkavond Oosterhoüt'): Promise<WorkshopBoard> {
  const { shapes, bindings } = modelToRecords(WORKSHOP_MODEL, await layOutModel(WORKSHOP_MODEL), { pageId: PAGE_ID, origin: { x: 0, y: 0 } })
  const lane = {
    ...base(LANE_ID, 'frame', PAGE_ID, 'a8', 0, 2000),
    props: { w: 900, h: 400, name: 'Baan één: Wensen', color: 'black' },
  } as TLShape
  const first = note('shape:note-1', NOTE_TEXTS.first, LANE_ID, 'a1', 20, 40, 'Anaïs')
  const second = note('shape:note-2', NOTE_TEXTS.second, LANE_ID, 'a2', 300, 40, 'Bram')
  const third = note('shape:note-3', NOTE_TEXTS.third, LANE_ID, 'a3', 20, 250)
  const text = {
    ...base('shape:loose-text', 'text', PAGE_ID, 'a9', 1000, 2000),
    props: { color: 'black', size: 'm', font: 'draw', textAlign: 'start', w: 200, richText: toRichText(NOTE_TEXTS.loose), scale: 1, autoSize: true },
  } as TLShape
  const card = {
    ...base('shape:card', ITEM_SHAPE, LANE_ID, 'a4', 600, 250),
    props: { w: 200, h: 120, variant: 'note', title: 'Vraag', text: 'Wie betaalt de ijsbaan?', hint: '', response: '', checked: false, ref: '' },
  } as TLShape
  const locked = note('shape:locked-note', NOTE_TEXTS.locked, LANE_ID, 'a5', 600, 40, 'Procesbegeleider')
  return {
    records: [...documentRecords(title), ...shapes, ...bindings, lane, first, second, third, text, card],
    structure: [{ ...locked, isLocked: true } as TLShape],
    notes: { first: first.id, second: second.id, third: third.id, locked: locked.id },
  }
}
