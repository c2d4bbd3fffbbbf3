import { LANGUAGES, useI18n } from './i18n.tsx'

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n()
  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select value={language} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'nl')}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {l === 'nl' ? 'Nederlands' : 'English'}
          </option>
        ))}
      </select>
    </label>
  )
}
