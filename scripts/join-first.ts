/**
 * Vite plugin: writes the name dialog into index.html, so a resident opening a board link sees it
 * as soon as the page is in, before the app's script (see client/join/name-dialog-first.ts). The
 * dialog is rendered here by React from the app's own component, once per language, into
 * `<template>`s; an inline script shows the right one when the link needs it. The server allows
 * that one inline script by its hash (server/http/inline-scripts.ts).
 */
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import type { Plugin } from 'vite'
import { COLOURS, IDENTITY_STORAGE_KEY } from '../client/board/identity.ts'
import { FixedLanguage, LANGUAGE_STORAGE_KEY, translate, type Language } from '../client/i18n/i18n.tsx'
import { JoinDialog } from '../client/join/JoinDialog.tsx'
import { SENT_ATTRIBUTE, TAKE_OVER_EVENT, TEMPLATE_IDS } from '../client/join/adopt-name-dialog.ts'
import { showNameDialogFirst, type NameDialogFirstOptions } from '../client/join/name-dialog-first.ts'

/** The dialog as the app's first render draws it on a board link: no title or role known yet. */
export function nameDialogHtml(language: Language): string {
  return renderToString(createElement(FixedLanguage, { language, children: createElement(JoinDialog, { title: null, role: null, onJoin: () => undefined }) }))
}

/** The inline script's text (its hash must match what the server allows). */
export function nameDialogScript(): string {
  const options: NameDialogFirstOptions = {
    identityKey: IDENTITY_STORAGE_KEY,
    languageKey: LANGUAGE_STORAGE_KEY,
    colours: COLOURS,
    templates: TEMPLATE_IDS,
    sending: { nl: translate('nl', 'board.loading'), en: translate('en', 'board.loading') },
    takeOverEvent: TAKE_OVER_EVENT,
    sentAttribute: SENT_ATTRIBUTE,
  }
  // `<` escaped: nothing in the options may end the script element.
  return `(${showNameDialogFirst.toString()})(${JSON.stringify(options).replace(/</g, '\\u003c')})`
}

export function joinFirst(): Plugin {
  return {
    name: 'regiebord-join-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const languages: Language[] = ['nl', 'en']
        return {
          html,
          tags: [
            ...languages.map((language) => ({ tag: 'template', attrs: { id: TEMPLATE_IDS[language] }, children: nameDialogHtml(language), injectTo: 'body' as const })),
            { tag: 'script', children: nameDialogScript(), injectTo: 'body' as const },
          ],
        }
      },
    },
  }
}
