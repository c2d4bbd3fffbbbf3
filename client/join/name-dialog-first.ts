/**
 * The name dialog before the app's script is in. On Fast 3G the first chunk (React and the first
 * screen, 72 kB) arrives 1–1.5 s after the page; the name dialog does not wait for it: the build
 * writes the dialog, rendered by React from the same component (client/join/JoinDialog.tsx), into
 * index.html as one template per language, and a small inline script (this function, see
 * scripts/join-first.ts) shows it at once when the link is a board link and this browser has no
 * name yet. The form works: the name can be typed, a colour and the language chosen, and sending
 * it stores the name as the app would; the app then opens the board. Once the app's script runs
 * it takes the dialog over as it is (client/join/adopt-name-dialog.ts): React hydrates the same
 * elements, so what was typed, the caret and the phone's keyboard stay. On any board link it also
 * starts fetching the board's code, once the dialog is on screen.
 *
 * Runs as an inline script, turned into text with Function.prototype.toString: it may use nothing
 * from outside its own body but its argument.
 */
export interface NameDialogFirstOptions {
  /** localStorage key of the identity (client/board/identity.ts). */
  identityKey: string
  /** localStorage key of the chosen language (client/i18n/i18n.tsx). */
  languageKey: string
  colours: readonly string[]
  /** `<template>` ids, by language: the dialog as React renders it. */
  templates: { nl: string; en: string }
  /** What the dialog says once the name is sent and the board is on its way, by language. */
  sending: { nl: string; en: string }
  /** The event the app dispatches on #root when it takes the dialog over. */
  takeOverEvent: string
  /** Set on #root once the name was sent from this dialog. */
  sentAttribute: string
  /**
   * The board's code (the chunk the app imports once the name is known, and what it imports):
   * fetched from here, alongside the app's script, rather than a round trip after the app runs.
   */
  boardScripts: readonly string[]
}

export function showNameDialogFirst(options: NameDialogFirstOptions): void {
  const root = document.getElementById('root')
  if (!root || !/^\/b\/[A-Za-z0-9_-]+\/?$/.test(location.pathname)) return
  if (!new URLSearchParams(location.hash.replace(/^#/, '')).get('t')) return
  // A board link: its code is needed next, also by who has given a name before.
  const fetchBoardCode = () => {
    for (const href of options.boardScripts) {
      const link = document.createElement('link')
      link.rel = 'modulepreload'
      // The request mode of Vite's loader, which then finds this link and does not fetch again.
      link.crossOrigin = ''
      link.href = href
      document.head.append(link)
    }
  }
  let storage: Storage
  try {
    storage = window.localStorage
    // A name is kept here; where the browser refuses storage, the app asks in its own way.
    storage.getItem(options.identityKey)
  } catch {
    fetchBoardCode()
    return
  }
  try {
    const known = JSON.parse(storage.getItem(options.identityKey) ?? 'null') as Record<string, unknown> | null
    if (known && typeof known.id === 'string' && typeof known.name === 'string' && known.name.trim() && typeof known.colour === 'string') return fetchBoardCode()
  } catch {
    // A damaged entry means asking again, as the app does.
  }
  let language: 'nl' | 'en' = storage.getItem(options.languageKey) === 'en' ? 'en' : 'nl'
  const controller = new AbortController()
  const signal = controller.signal
  root.addEventListener(options.takeOverEvent, () => controller.abort(), { once: true })

  const nameInput = () => root.querySelector<HTMLInputElement>('#display-name')
  const submitButton = () => root.querySelector<HTMLButtonElement>('button[type=submit]')
  const chosenColour = () => root.querySelector<HTMLInputElement>('input[name=colour]:checked')?.value ?? options.colours[0]!
  const show = (name: string, colour: string) => {
    const template = document.getElementById(options.templates[language])
    if (!(template instanceof HTMLTemplateElement)) return false
    root.replaceChildren(template.content.cloneNode(true))
    document.documentElement.lang = language
    const input = nameInput()
    const button = submitButton()
    if (!input || !button) return false
    input.value = name
    for (const radio of root.querySelectorAll<HTMLInputElement>('input[name=colour]')) radio.checked = radio.value === colour
    // The app renders the button disabled while the name is empty; the dialog must look as it will.
    button.disabled = !name.trim()
    return true
  }
  if (!show('', options.colours[Math.floor(Math.random() * options.colours.length)]!)) return fetchBoardCode()
  // Once the dialog is on screen: nothing but the page itself comes before it.
  requestAnimationFrame(() => setTimeout(fetchBoardCode, 0))

  root.addEventListener(
    'input',
    (event) => {
      const input = nameInput()
      const button = submitButton()
      if (input && button && event.target === input) button.disabled = !input.value.trim()
    },
    { signal },
  )
  root.addEventListener(
    'change',
    (event) => {
      if (!(event.target instanceof HTMLSelectElement)) return
      language = event.target.value === 'en' ? 'en' : 'nl'
      try {
        storage.setItem(options.languageKey, language)
      } catch {
        // The switch then lasts as long as the page.
      }
      show(nameInput()?.value ?? '', chosenColour())
      root.querySelector('select')?.focus()
    },
    { signal },
  )
  root.addEventListener(
    'submit',
    (event) => {
      event.preventDefault()
      const input = nameInput()
      const button = submitButton()
      const name = input?.value.trim() ?? ''
      if (!input || !button || !name) return
      const id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')
      try {
        storage.setItem(options.identityKey, JSON.stringify({ id, name: name.slice(0, 60), colour: chosenColour() }))
      } catch {
        return
      }
      controller.abort()
      root.setAttribute(options.sentAttribute, '')
      input.value = name
      input.readOnly = true
      button.disabled = true
      button.textContent = options.sending[language]
      // Where the board's details go once they are in; a status, so a screen reader says it.
      const status = root.querySelector('.join-role')
      if (status) status.textContent = options.sending[language]
    },
    { signal },
  )
}
