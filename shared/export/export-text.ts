/** The words exports are written in: column headers and the report's headings, in both locales. */
import type { Locale, LocalizedText } from '../regie/text.ts'

const TEXT = {
  'notes.kind': { nl: 'Soort', en: 'Kind' },
  'notes.text': { nl: 'Tekst', en: 'Text' },
  'notes.frame': { nl: 'Kader / baan', en: 'Frame / lane' },
  'notes.author': { nl: 'Auteur', en: 'Author' },
  'notes.votes': { nl: 'Stemmen', en: 'Votes' },
  'kind.note': { nl: 'Notitie', en: 'Sticky note' },
  'kind.text': { nl: 'Tekst', en: 'Text' },
  'kind.item': { nl: 'Kaart', en: 'Card' },
  'arrangements.from': { nl: 'Actor A', en: 'Actor A' },
  'arrangements.kind': { nl: 'Relatie', en: 'Relation' },
  'arrangements.to': { nl: 'Actor B', en: 'Actor B' },
  'arrangements.label': { nl: 'Label', en: 'Label' },
  'arrangements.commissioner': { nl: 'Opdrachtgever', en: 'Commissioner' },
  'arrangements.rad': { nl: 'RAD-referentie', en: 'RAD reference' },
  'report.kicker': { nl: 'Regiebord · verslag', en: 'Regiebord · report' },
  'report.title': { nl: 'Verslag', en: 'Report' },
  'report.date': { nl: 'Datum', en: 'Date' },
  'report.created': { nl: 'Bord gemaakt op', en: 'Board created on' },
  'report.participants': { nl: 'Deelnemers', en: 'Participants' },
  'report.participants.voters': { nl: 'stemden in de laatste stemronde', en: 'voted in the last voting round' },
  'report.participants.authors': { nl: 'namen bij notities op het bord', en: 'names on notes on the board' },
  'report.participants.unknown': { nl: 'niet bekend (geen stemronde, geen namen bij notities)', en: 'unknown (no voting round, no names on notes)' },
  'report.arrangements': { nl: 'Afspraken', en: 'Arrangements' },
  'report.arrangements.caption': { nl: 'Relaties tussen de actoren op het bord', en: 'Relations between the actors on the board' },
  'report.arrangements.none': { nl: 'Er staan nog geen relaties tussen actoren op het bord.', en: 'The board has no relations between actors yet.' },
  'report.ranking': { nl: 'Uitslag van de stemming', en: 'Voting results' },
  'report.ranking.caption': { nl: 'Stippen per onderwerp, meeste eerst', en: 'Dots per item, most first' },
  'report.ranking.rank': { nl: 'Plaats', en: 'Rank' },
  'report.ranking.item': { nl: 'Onderwerp', en: 'Item' },
  'report.ranking.votes': { nl: 'Stippen', en: 'Dots' },
  'report.ranking.none': { nl: 'Er is (nog) geen stemronde onthuld.', en: 'No voting round has been revealed (yet).' },
  'report.ranking.removed': { nl: '(niet meer op het bord)', en: '(no longer on the board)' },
  'report.ranking.untitled': { nl: '(zonder tekst)', en: '(no text)' },
  'report.findings': { nl: 'Regiecheck', en: 'Regiecheck' },
  'report.findings.none': { nl: 'De regiecheck vindt niets om na te gaan.', en: 'The regiecheck finds nothing to look into.' },
  'report.severity.warning': { nl: 'Let op', en: 'Warning' },
  'report.severity.info': { nl: 'Ter info', en: 'Note' },
  'report.footer': { nl: 'Gemaakt met Regiebord', en: 'Made with Regiebord' },
  'report.image': { nl: 'Het bord', en: 'The board' },
  // Issue 16: aannames and rules set aside.
  'aanname.column': { nl: 'Aanname', en: 'Assumption' },
  'report.severity.error': { nl: 'Fout', en: 'Error' },
  'report.aannames': { nl: 'Aannames', en: 'Assumptions' },
  'report.aannames.intro': {
    nl: 'Wat het sjabloon aanneemt waar de bronpresentatie niets over zegt. Bevestigde aannames gelden voor dit bord.',
    en: 'What the template assumes where the source presentation says nothing. Confirmed assumptions hold for this board.',
  },
  'report.aannames.none': { nl: 'Er staan geen aannames op het bord.', en: 'The board holds no assumptions.' },
  'report.aannames.element': { nl: 'Waarop', en: 'On' },
  'report.aannames.status': { nl: 'Status', en: 'Status' },
  'report.aannames.open': { nl: 'open', en: 'open' },
  'report.aannames.confirmed': { nl: 'bevestigd', en: 'confirmed' },
  'report.dismissed': { nl: 'Bewust zo gekozen', en: 'Chosen deliberately' },
  'report.dismissed.reason': { nl: 'Reden', en: 'Reason' },
  'report.dismissed.by': { nl: 'door', en: 'by' },
} as const satisfies Record<string, LocalizedText>

export type ExportTextKey = keyof typeof TEXT

export function exportText(key: ExportTextKey, locale: Locale): string {
  return TEXT[key][locale]
}
