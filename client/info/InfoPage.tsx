import { useI18n } from '../i18n/i18n.tsx'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'
import { ACCESSIBILITY, PRIVACY, type InfoText } from './info-texts.ts'

const PAGES: Record<'accessibility' | 'privacy', InfoText> = { accessibility: ACCESSIBILITY, privacy: PRIVACY }

/** A plain text page: the accessibility statement or the privacy statement. */
export function InfoPage({ page }: { page: 'accessibility' | 'privacy' }) {
  const { language, t } = useI18n()
  const text = PAGES[page][language]
  return (
    <main className="page info-page">
      <header className="page-header">
        <p>
          <a href="/">{t('home.link')}</a>
        </p>
        <LanguageSwitch />
      </header>
      <h1>{text.title}</h1>
      {text.sections.map((section) => (
        <section key={section.heading} aria-labelledby={slug(section.heading)}>
          <h2 id={slug(section.heading)}>{section.heading}</h2>
          {section.paragraphs.map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
          {section.list && (
            <ul>
              {section.list.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </main>
  )
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-')
}
