/**
 * The report as one self-contained HTML page: inline print styles, `lang` set, no scripts and no
 * requests for anything else, so it prints to PDF from any browser and can be saved or mailed as
 * one file. Every text from the board is escaped.
 *
 * The board image belongs between the facts and the arrangements. The server has no renderer for
 * it; the browser's report page passes one in (`boardImage`, e.g. a PNG data URL from tldraw's
 * `editor.toImage`), otherwise the place stays an HTML comment marked `regiebord:board-image`.
 */
import { REGIE_RULES } from '../regie/regiecheck.ts'
import type { Locale } from '../regie/text.ts'
import { exportText, type ExportTextKey } from './export-text.ts'
import type { BoardReport, PresentPerson } from './report.ts'
import type { VoteRanking } from './vote-ranking.ts'

export interface ReportHtmlOptions {
  readonly locale: Locale
  /** Dates are shown in this time zone; workshops are held in the Netherlands. */
  readonly timeZone?: string
  readonly boardImage?: { readonly src: string; readonly alt: string }
}

export const BOARD_IMAGE_MARKER = '<!-- regiebord:board-image -->'

export function renderReportHtml(report: BoardReport, options: ReportHtmlOptions): string {
  const { locale } = options
  const t = (key: ExportTextKey) => escapeHtml(exportText(key, locale))
  const format = (at: number, style: Intl.DateTimeFormatOptions) =>
    escapeHtml(new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { ...style, timeZone: options.timeZone ?? 'Europe/Amsterdam' }).format(at))
  const date = (at: number) => format(at, { dateStyle: 'long' })
  const time = (at: number) => format(at, { timeStyle: 'short' })
  const title = escapeHtml(report.title)

  const facts = [
    [t('report.date'), date(report.generatedAt)],
    ...(report.createdAt !== null ? [[t('report.created'), date(report.createdAt)]] : []),
    [t('report.participants'), participants(report, t)],
    ...(report.participants.basis === 'present' ? [[t('report.present'), presentPeople(report.participants.people, t)]] : []),
  ]
    .map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`)
    .join('')

  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('report.title')}: ${title}</title>
<style>${STYLES}</style>
</head>
<body>
<main>
<header>
<p class="kicker">${t('report.kicker')}</p>
<h1>${title}</h1>
<dl class="facts">${facts}</dl>
</header>
${boardImage(options, t)}
<section aria-labelledby="notes">
<h2 id="notes">${t('report.notes')}</h2>
${notes(report, t)}
</section>
<section aria-labelledby="ranking">
<h2 id="ranking">${t(report.rounds.length > 1 ? 'report.rounds' : 'report.ranking')}</h2>
${rounds(report, t, time)}
</section>
<section aria-labelledby="arrangements">
<h2 id="arrangements">${t('report.arrangements')}</h2>
${arrangements(report, t)}
</section>
<section aria-labelledby="findings">
<h2 id="findings">${t('report.findings')}</h2>
${findings(report, locale, t)}
${dismissedRules(report, locale, t)}
</section>
${aannames(report, t)}
<footer><p>${t('report.footer')} · ${date(report.generatedAt)}</p></footer>
</main>
</body>
</html>
`
}

type T = (key: ExportTextKey) => string

function participants(report: BoardReport, t: T): string {
  const { participants } = report
  if (participants.count === null) return t('report.participants.unknown')
  const basis = participants.basis === 'present' ? 'report.participants.present' : participants.basis === 'voters' ? 'report.participants.voters' : 'report.participants.authors'
  return `${participants.count} <span class="basis">(${t(basis)})</span>`
}

function presentPeople(people: readonly PresentPerson[], t: T): string {
  return `<span data-present>${people.map((person) => `${escapeHtml(person.name)}${person.role === 'participant' ? '' : ` <span class="basis">(${t(`report.role.${person.role}`)})</span>`}`).join(', ')}</span>`
}

function notes(report: BoardReport, t: T): string {
  if (report.notes.length === 0) return `<p>${t('report.notes.none')}</p>`
  return report.notes
    .map((section) => {
      const heading = section.frames.length > 0 ? escapeHtml(section.frames.join(' › ')) : t('report.notes.loose')
      const items = section.notes
        .map((note) => `<li>${escapeHtml(note.text)}${note.author ? ` <span class="basis">— ${escapeHtml(note.author)}</span>` : ''}</li>`)
        .join('\n')
      return `<section class="note-section">\n<h3>${heading}</h3>\n<ul class="notes">\n${items}\n</ul>\n</section>`
    })
    .join('\n')
}

function rounds(report: BoardReport, t: T, time: (at: number) => string): string {
  if (report.rounds.length === 0) return `<p>${t('report.ranking.none')}</p>`
  if (report.rounds.length === 1 && !report.rounds[0]!.question) return rankingTable(report.rounds[0]!, t)
  return report.rounds
    .map((round) => {
      const heading = `${t('report.round')} ${round.number}${round.question ? `: ${escapeHtml(round.question)}` : ''}`
      const facts = [`${round.voters} ${t('report.round.voters')}`, ...(round.revealedAt !== null ? [`${t('report.round.revealed')} ${time(round.revealedAt)}`] : [])].join(' · ')
      return `<section class="round" data-round="${round.number}">\n<h3>${heading}</h3>\n<p class="basis">${facts}</p>\n${rankingTable(round, t)}\n</section>`
    })
    .join('\n')
}

function boardImage(options: ReportHtmlOptions, t: T): string {
  if (!options.boardImage) return BOARD_IMAGE_MARKER
  return `<figure class="board-image"><img src="${escapeHtml(options.boardImage.src)}" alt="${escapeHtml(options.boardImage.alt)}"><figcaption>${t('report.image')}</figcaption></figure>`
}

function arrangements(report: BoardReport, t: T): string {
  if (report.arrangements.length === 0) return `<p>${t('report.arrangements.none')}</p>`
  const head = ['arrangements.from', 'arrangements.kind', 'arrangements.to', 'arrangements.label', 'arrangements.commissioner', 'arrangements.rad'] as const
  const rows = report.arrangements
    .map((row) => `<tr>${[row.from, row.kindLabel, row.to, row.label, row.commissioner, row.radReference].map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n')
  return `<table>
<caption>${t('report.arrangements.caption')}</caption>
<thead><tr>${head.map((key) => `<th scope="col">${t(key)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}

function rankingTable(round: VoteRanking, t: T): string {
  if (round.items.length === 0) return `<p>${t('report.ranking.none')}</p>`
  const rows = round.items
    .map((item) => {
      const text = item.text === null ? `<em>${t('report.ranking.removed')}</em>` : item.text === '' ? `<em>${t('report.ranking.untitled')}</em>` : escapeHtml(item.text)
      return `<tr><td class="number">${item.rank}</td><td>${text}</td><td class="number">${item.votes}</td></tr>`
    })
    .join('\n')
  return `<table class="ranking">
<caption>${t('report.ranking.caption')}</caption>
<thead><tr><th scope="col">${t('report.ranking.rank')}</th><th scope="col">${t('report.ranking.item')}</th><th scope="col">${t('report.ranking.votes')}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}

function findings(report: BoardReport, locale: Locale, t: T): string {
  if (report.findings.length === 0) return `<p>${t('report.findings.none')}</p>`
  const titles = new Map(REGIE_RULES.map((rule) => [rule.id, rule.title[locale]]))
  const items = report.findings
    .map((finding) => {
      const severity = t(SEVERITY_TEXT[finding.severity])
      return `<li class="${finding.severity}"><strong>${severity}: ${escapeHtml(titles.get(finding.ruleId) ?? finding.ruleId)}</strong><br>${escapeHtml(finding.message[locale])}</li>`
    })
    .join('\n')
  return `<ul class="findings">\n${items}\n</ul>`
}

const SEVERITY_TEXT = { error: 'report.severity.error', warning: 'report.severity.warning', info: 'report.severity.info' } as const satisfies Record<BoardReport['findings'][number]['severity'], ExportTextKey>

/** Rules set aside for this board: the facilitator's reason, and what the rule would have said. */
function dismissedRules(report: BoardReport, locale: Locale, t: T): string {
  if (report.dismissed.length === 0) return ''
  const titles = new Map(REGIE_RULES.map((rule) => [rule.id, rule.title[locale]]))
  const items = report.dismissed
    .map(({ dismissal, findings }) => {
      const by = dismissal.by !== '' ? ` (${t('report.dismissed.by')} ${escapeHtml(dismissal.by)})` : ''
      const said = findings.map((finding) => `<br><small>${escapeHtml(finding.message[locale])}</small>`).join('')
      return `<li><strong>${escapeHtml(titles.get(dismissal.ruleId) ?? dismissal.ruleId)}</strong><br>${t('report.dismissed.reason')}: ${escapeHtml(dismissal.reason)}${by}${said}</li>`
    })
    .join('\n')
  return `<h3 id="dismissed">${t('report.dismissed')}</h3>\n<ul class="findings dismissed">\n${items}\n</ul>`
}

function aannames(report: BoardReport, t: T): string {
  const body =
    report.aannames.length === 0
      ? `<p>${t('report.aannames.none')}</p>`
      : `<p>${t('report.aannames.intro')}</p>
<table>
<thead><tr><th scope="col">${t('report.aannames.element')}</th><th scope="col">${t('aanname.column')}</th><th scope="col">${t('report.aannames.status')}</th></tr></thead>
<tbody>
${report.aannames
  .map((row) => `<tr><td>${escapeHtml(row.element)}</td><td>${escapeHtml(row.aanname)}</td><td>${t(row.bevestigd ? 'report.aannames.confirmed' : 'report.aannames.open')}</td></tr>`)
  .join('\n')}
</tbody>
</table>`
  return `<section aria-labelledby="aannames">
<h2 id="aannames">${t('report.aannames')}</h2>
${body}
</section>`
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Screen and print; colours meet 4.5:1 on white. */
const STYLES = `
:root { color: #1a1a1a; background: #fff; font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
.kicker { margin: 0; color: #4a4a4a; font-size: .9rem; text-transform: uppercase; letter-spacing: .05em; }
h1 { margin: .2rem 0 1rem; font-size: 1.8rem; }
h3 { margin: 1.2rem 0 .4rem; font-size: 1.05rem; }
ul.notes { margin: 0; padding-left: 1.2rem; }
ul.notes li { margin-bottom: .25rem; }
h2 { margin: 2rem 0 .6rem; font-size: 1.25rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .2rem; }
.facts { display: flex; flex-wrap: wrap; gap: .5rem 2rem; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.basis { color: #4a4a4a; }
table { width: 100%; border-collapse: collapse; }
caption { text-align: left; color: #4a4a4a; padding-bottom: .3rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #8a8a8a; }
thead th { border-bottom: 2px solid #1a1a1a; }
td.number { text-align: right; font-variant-numeric: tabular-nums; width: 4rem; }
.findings { padding-left: 1.2rem; }
.findings li { margin-bottom: .6rem; }
.findings li.warning strong { color: #8a3b00; }
.findings li.error strong { color: #a10000; }
figure.board-image { margin: 1.5rem 0; }
figure.board-image img { max-width: 100%; height: auto; border: 1px solid #8a8a8a; }
.report-board-image svg, .report-board-image img { width: 100%; height: auto; max-height: none; border: 1px solid #8a8a8a; }
footer { margin-top: 2.5rem; color: #4a4a4a; font-size: .9rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  :root { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, li, figure { break-inside: avoid; }
}
`
