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
export const LANGUAGE_STORAGE_KEY = 'regiebord.language'

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return formatMessage(language, MESSAGES[language][key], values)
}

const PLURAL = /\{(\w+), plural,((?:\s*[\w=]+\s*\{[^{}]*\})+)\s*\}/g
const PLURAL_BRANCH = /([\w=]+)\s*\{([^{}]*)\}/g
const pluralRules = new Map<Language, Intl.PluralRules>()

/**
 * `{name}` takes a value; `{count, plural, one {# stip} other {# stippen}}` picks the form the
 * language's plural rules (Intl.PluralRules) give for the number, `=0 {…}` an exact number, and
 * `#` is the number itself. No "stip(pen)".
 */
export function formatMessage(language: Language, message: string, values: Record<string, string | number> = {}): string {
  const plural = message.replace(PLURAL, (_, name: string, branches: string) => {
    const value = Number(values[name])
    const forms = new Map([...branches.matchAll(PLURAL_BRANCH)].map((branch) => [branch[1]!, branch[2]!]))
    let rules = pluralRules.get(language)
    if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)))
    const form = forms.get(`=${value}`) ?? forms.get(rules.select(value)) ?? forms.get('other') ?? ''
    return form.replace(/#/g, String(value))
  })
  return plural.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`))
}

interface I18n {
  language: Language
  setLanguage(language: Language): void
  t: Translate
}

const I18nContext = createContext<I18n | null>(null)

function storedLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY)
  return stored === 'en' ? 'en' : 'nl'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage)
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, next)
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

/**
 * Our strings in one language that nobody can switch: for rendering outside a browser (the build
 * writes the name dialog into index.html, scripts/join-first.ts).
 */
export function FixedLanguage({ language, children }: { language: Language; children: ReactNode }) {
  const value: I18n = { language, setLanguage: () => undefined, t: (key, values) => translate(language, key, values) }
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
