/**
 * The six pitfalls of inter-municipal collaboration and their remedies, as seed 002 states them
 * (VNG "Greep op samenwerking?", Regio Noord-Veluwe, dia 15). The Noord-Veluwe template shows
 * them as a checklist, and regiecheck findings name the pitfall they guard against.
 */
import type { LocalizedText } from './text.ts'

export const VALKUIL_IDS = ['a', 'b', 'c', 'd', 'e', 'f'] as const
export type ValkuilId = (typeof VALKUIL_IDS)[number]

export interface Valkuil {
  readonly id: ValkuilId
  readonly pitfall: LocalizedText
  readonly remedy: LocalizedText
}

export const VALKUILEN: readonly Valkuil[] = [
  {
    id: 'a',
    pitfall: { nl: 'Het is ondoorzichtig', en: 'It is opaque' },
    remedy: { nl: 'Pak je rol als raad, vanaf het allereerste begin', en: 'Take your role as council, from the very start' },
  },
  {
    id: 'b',
    pitfall: { nl: 'Het is een bestuurlijke spaghetti', en: 'It is an administrative spaghetti' },
    remedy: { nl: 'Vermijd bestuurlijke drukte; u doet het uzelf aan', en: 'Avoid administrative crowding; you do it to yourself' },
  },
  {
    id: 'c',
    pitfall: { nl: 'Het is ondemocratisch', en: 'It is undemocratic' },
    remedy: { nl: 'Regel uw democratische legitimatie', en: 'Arrange your democratic legitimation' },
  },
  {
    id: 'd',
    pitfall: { nl: 'Je komt er niet van af', en: "You can't get out" },
    remedy: { nl: 'Durf te stoppen', en: 'Dare to stop' },
  },
  {
    id: 'e',
    pitfall: { nl: 'Je hebt geen sturing', en: 'You have no steering' },
    remedy: { nl: 'Gebruik de verantwoordingsmechanismen', en: 'Use the accountability mechanisms' },
  },
  {
    id: 'f',
    pitfall: { nl: 'De gemeente wordt een lege BV', en: 'The municipality becomes an empty shell' },
    remedy: { nl: 'Waarborg de autonome gemeentelijke rol', en: 'Safeguard the autonomous role of the municipality' },
  },
]
