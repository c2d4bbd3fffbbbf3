/**
 * Plain text out of tldraw's rich text (a TipTap document), without an editor: the server reads
 * arrow labels for the regiecheck and exports. Paragraphs become lines.
 */
export function richTextToPlain(richText: unknown): string {
  const lines: string[] = []
  collectBlocks(richText, lines)
  return lines.join('\n').trim()
}

function collectBlocks(node: unknown, lines: string[]): void {
  if (!isNode(node)) return
  if (node.type === 'paragraph' || node.type === 'heading') {
    lines.push(inlineText(node))
    return
  }
  for (const child of node.content ?? []) collectBlocks(child, lines)
}

function inlineText(node: unknown): string {
  if (!isNode(node)) return ''
  if (typeof node.text === 'string') return node.text
  if (node.type === 'hardBreak') return '\n'
  return (node.content ?? []).map(inlineText).join('')
}

interface RichNode {
  type?: unknown
  text?: unknown
  content?: unknown[]
}

function isNode(value: unknown): value is RichNode {
  if (typeof value !== 'object' || value === null) return false
  const content = (value as { content?: unknown }).content
  return content === undefined || Array.isArray(content)
}
