/**
 * Our own UI strings in Dutch (default) and English. The chosen language is remembered locally
 * and also handed to tldraw as its locale, so one switch covers the whole screen.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { en } from './en.ts'
import { nl, type MessageKey } from './nl.ts'

export type Language = 'nl' | 'en'
export const LANGUAGES: readonly Language[] = ['nl', 'en']
const MESSAGES: Record<Language, Record<MessageKey, string>> = { nl, en }
const STORAGE_KEY = 'regiebord.language'

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`))
}

interface I18n {
  language: Language
  setLanguage(language: Language): void
  t: Translate
}

const I18nContext = createContext<I18n | null>(null)

function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY)
  return stored === 'en' ? 'en' : 'nl'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage)
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next)
    setLanguageState(next)
  }, [])
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, values) => translate(language, key, values) }),
    [language, setLanguage],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}

/**
 * For components that tldraw may also render outside our React tree (shapes, when it exports an
 * image): our strings in the stored language when there is no provider above.
 */
export function useI18nOrStored(): Pick<I18n, 't' | 'language'> {
  const value = useContext(I18nContext)
  if (value) return value
  const language = storedLanguage()
  return { language, t: (key, values) => translate(language, key, values) }
}
