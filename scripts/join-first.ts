/**
 * Vite plugin: writes the name dialog into index.html, so a resident opening a board link sees it
 * as soon as the page is in, before the app's script (see client/join/name-dialog-first.ts). The
 * dialog is rendered here by React from the app's own component, once per language, into
 * `<template>`s; an inline script shows the right one when the link needs it. The server allows
 * that one inline script by its hash (server/http/inline-scripts.ts).
 *
 * The app's own stylesheet (31 kB, 6 kB compressed) goes into the page too, as a `<style>`: as a
 * file it held the first paint back by a round trip (0.6 s on Fast 3G) after the page. Its link
 * stays, disabled (a browser neither fetches nor applies it): Vite's loader for lazy chunks looks
 * for that link before it loads a chunk's stylesheets and would otherwise fetch and apply it a
 * second time. The canvas's list of files to fetch ahead no longer names it.
 *
 * The inline script also gets the board's chunks (BoardView and what it imports), which it
 * fetches once the dialog is on screen rather than after the app has run.
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

/** The module whose chunk is the board (the lazy import in client/board/BoardPage.tsx). */
const BOARD_ENTRY = /client\/board\/BoardView\.tsx$/

type Bundle = Record<string, { type: string; fileName?: string; source?: string | Uint8Array; facadeModuleId?: string | null; imports?: string[]; isEntry?: boolean }>

/** The board's chunk and the chunks it imports, but not the app's entry or what the page preloads already. */
function boardScripts(bundle: Bundle, html: string, base: string): string[] {
  const chunks = Object.values(bundle).filter((output) => output.type === 'chunk')
  const board = chunks.find((chunk) => chunk.facadeModuleId && BOARD_ENTRY.test(chunk.facadeModuleId))
  if (!board?.fileName) throw new Error('join-first: no chunk for client/board/BoardView.tsx (was the lazy import renamed?)')
  const files: string[] = []
  const visit = (fileName: string) => {
    const chunk = chunks.find((candidate) => candidate.fileName === fileName)
    if (!chunk || chunk.isEntry || files.includes(fileName)) return
    files.push(fileName)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit(board.fileName)
  return files.map((file) => base + file).filter((href) => !html.includes(`href="${href}"`))
}

/** The inline script's text (its hash must match what the server allows). */
export function nameDialogScript(boardScripts: readonly string[] = []): string {
  const options: NameDialogFirstOptions = {
    identityKey: IDENTITY_STORAGE_KEY,
    languageKey: LANGUAGE_STORAGE_KEY,
    colours: COLOURS,
    templates: TEMPLATE_IDS,
    sending: { nl: translate('nl', 'board.loading'), en: translate('en', 'board.loading') },
    takeOverEvent: TAKE_OVER_EVENT,
    sentAttribute: SENT_ATTRIBUTE,
    boardScripts,
  }
  // `<` escaped: nothing in the options may end the script element.
  return `(${showNameDialogFirst.toString()})(${JSON.stringify(options).replace(/</g, '\\u003c')})`
}

/** Vite names the entry's stylesheet after index.html. */
const INLINED_STYLES = /^assets\/index-[A-Za-z0-9_-]+\.css$/

const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*?href="([^"]+)"[^>]*>/g
const CANVAS_FILES = /(<script type="application\/json" id="canvas-files">)([\s\S]*?)(<\/script>)/

/** The entry's stylesheet link replaced by its text, and left out of the canvas's list. */
function inlineStyles(html: string, bundle: Bundle, base: string): string {
  const links = [...html.matchAll(STYLESHEET_LINK)]
  if (links.length !== 1) throw new Error(`join-first: expected one stylesheet link in index.html, found ${links.length}`)
  const [link, href] = links[0]!
  const fileName = href!.slice(base.length)
  if (!INLINED_STYLES.test(fileName)) throw new Error(`join-first: ${fileName} is not the entry's stylesheet`)
  const asset = bundle[fileName]
  if (asset?.type !== 'asset' || asset.source === undefined) throw new Error(`join-first: ${fileName} is not in the bundle`)
  const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source)
  if (/<\/style/i.test(css)) throw new Error('join-first: the stylesheet would end its <style> element')
  return html.replace(link, () => `<style>${css}</style>${link.replace(/>$/, ' disabled>')}`).replace(CANVAS_FILES, (_, open: string, json: string, close: string) => {
    const files = JSON.parse(json) as { styles?: string[] }
    files.styles = files.styles?.filter((style) => style !== href)
    return `${open}${JSON.stringify(files)}${close}`
  })
}

export function joinFirst(): Plugin {
  let base = '/'
  return {
    name: 'regiebord-join-first',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const languages: Language[] = ['nl', 'en']
        const bundle = context.bundle as Bundle | undefined
        const page = bundle ? inlineStyles(html, bundle, base) : html
        return {
          html: page,
          tags: [
            ...languages.map((language) => ({ tag: 'template', attrs: { id: TEMPLATE_IDS[language] }, children: nameDialogHtml(language), injectTo: 'body' as const })),
            { tag: 'script', children: nameDialogScript(bundle ? boardScripts(bundle, page, base) : []), injectTo: 'body' as const },
          ],
        }
      },
    },
  }
}
