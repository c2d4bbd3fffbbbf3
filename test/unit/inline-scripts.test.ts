/**
 * The content security policy allows the built page's inline script (the name dialog before the
 * app's script, scripts/join-first.ts) by its hash: exactly the scripts a browser runs, hashed as
 * a browser hashes them, and never a JSON data block or a script with a src.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { inlineScriptHashes } from '../../server/http/inline-scripts.ts'
import { nameDialogHtml, nameDialogScript } from '../../scripts/join-first.ts'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

describe('inline script hashes', () => {
  it('hashes the scripts a browser runs and nothing else', () => {
    const html = [
      '<script type="module" crossorigin src="/assets/index-1.js"></script>',
      '<script type="application/json" id="canvas-files">{"scripts":[]}</script>',
      '<script>console.log("één")</script>',
      '<script type="module">import "/x.js"</script>',
    ].join('\n')
    expect(inlineScriptHashes(html)).toEqual([sha256('console.log("één")'), sha256('import "/x.js"')])
    expect(inlineScriptHashes('<p>no scripts</p>')).toEqual([])
  })

  it('the name dialog script names nothing outside its own text, and the dialog is the app\'s own', () => {
    const script = nameDialogScript(['/assets/BoardView-1.js'])
    expect(script).not.toMatch(/<\/script/i)
    // The function must run on its own: it is text in the page, not a module with imports.
    expect(() => new Function(script)).not.toThrow()
    expect(script).toContain('/assets/BoardView-1.js')
    const dutch = nameDialogHtml('nl')
    expect(dutch).toMatch(/^<main class="page join-page">/)
    expect(dutch).toContain('id="display-name"')
    expect(dutch).toContain('Meedoen met het bord')
    expect(nameDialogHtml('en')).toContain('Join the board')
  })
})
