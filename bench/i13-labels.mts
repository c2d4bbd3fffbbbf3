import fs from 'node:fs'
import { templateRecords } from '../shared/board/template-records.ts'
import { richTextToPlain } from '../shared/board/rich-text.ts'
import { arcBody, labelSize, pointAlong } from '../shared/board/relation-routing.ts'
const d = JSON.parse(fs.readFileSync('test-output/layout-metrics.json', 'utf8'))
const id = process.argv[2] ?? 'regiegemeente-bar'
const { shapes, bindings } = await templateRecords(id as never, 'nl', { pageId: 'page:page' as never })
const byId = new Map(shapes.map((s) => [s.id as string, s]))
const abs = (s: any): any => { const p = byId.get(s.parentId); const o = p ? abs(p) : { x: 0, y: 0 }; return { x: o.x + s.x, y: o.y + s.y, width: s.props.w ?? 0, height: s.props.h ?? 0 } }
for (const l of d[id].labels.slice(0, 14)) {
  const a: any = byId.get(l.id)
  const b = bindings.filter((x) => x.fromId === l.id)
  const st = b.find((x) => x.props.terminal === 'start')!; const en = b.find((x) => x.props.terminal === 'end')!
  const body = arcBody(abs(byId.get(st.toId)), abs(byId.get(en.toId)), a.props.bend, st.props.isPrecise ? st.props.normalizedAnchor : undefined, en.props.isPrecise ? en.props.normalizedAnchor : undefined)
  const text = richTextToPlain(a.props.richText); const size = labelSize(text, body); const c = pointAlong(body, a.props.labelPosition)
  console.log(l.id.padEnd(40), text.slice(0, 20).padEnd(20), 'browser', Math.round(l.box.x + l.box.w / 2), Math.round(l.box.y + l.box.h / 2), Math.round(l.box.w), Math.round(l.box.h), ' est', Math.round(c.x), Math.round(c.y), Math.round(size.width), Math.round(size.height))
}
