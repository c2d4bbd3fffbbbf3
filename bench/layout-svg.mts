// Debug view of a laid-out template (cards, frames, routed arcs, estimated label boxes) as
// test-output/debug-<template>.png: `npx tsx bench/layout-svg.mts [template]`.
import fs from 'node:fs'
import { chromium } from 'playwright-core'
import { templateRecords } from '../shared/board/template-records.ts'
import { richTextToPlain } from '../shared/board/rich-text.ts'
import { arcBody, labelSize, pointAlong } from '../shared/board/relation-routing.ts'
import { TEMPLATE_IDS } from '../shared/templates/index.ts'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
for (const id of (process.argv[2] ? [process.argv[2]] : TEMPLATE_IDS) as never[]) {
  const { shapes, bindings, width, height } = await templateRecords(id, 'nl', { pageId: 'page:page' as never })
  const byId = new Map(shapes.map((s) => [s.id as string, s]))
  const abs = (s: any): any => { const p = byId.get(s.parentId); const o = p ? abs(p) : { x: 0, y: 0 }; return { x: o.x + s.x, y: o.y + s.y, width: s.props.w ?? 0, height: s.props.h ?? 0 } }
  let out = ''
  for (const s of shapes as any[]) {
    const r = abs(s)
    if (s.type === 'frame') out += `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="none" stroke="#888"/><text x="${r.x+4}" y="${r.y-4}" font-size="14">${s.props.name}</text>`
    else if (s.type !== 'arrow') out += `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="#eef" stroke="#339"/><text x="${r.x+6}" y="${r.y+20}" font-size="15">${(s.props.name ?? s.props.title ?? '').slice(0,26)}</text>`
  }
  for (const s of shapes as any[]) {
    if (s.type !== 'arrow') continue
    const b = bindings.filter((x) => x.fromId === s.id)
    const f = abs(byId.get(b.find((x) => x.props.terminal === 'start')!.toId)); const t = abs(byId.get(b.find((x) => x.props.terminal === 'end')!.toId))
    const body = arcBody(f, t, s.props.bend)
    out += `<polyline points="${body.map((p) => `${p.x},${p.y}`).join(' ')}" fill="none" stroke="${s.props.color === 'black' ? '#000' : s.props.color}" stroke-width="2" stroke-dasharray="${s.props.dash === 'dashed' ? '8 6' : s.props.dash === 'dotted' ? '2 4' : ''}"/>`
    const text = richTextToPlain(s.props.richText)
    if (text) { const size = labelSize(text, body); const c = pointAlong(body, s.props.labelPosition); out += `<rect x="${c.x-size.width/2}" y="${c.y-size.height/2}" width="${size.width}" height="${size.height}" fill="rgba(255,255,255,.85)" stroke="orange"/><text x="${c.x-size.width/2+4}" y="${c.y+5}" font-size="14">${text.slice(0,30)}</text>` }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-20 -40 ${width + 40} ${height + 60}" width="1440" height="900" preserveAspectRatio="xMidYMid meet">${out}</svg>`
  await page.setContent(`<body style="margin:0">${svg}</body>`)
  fs.mkdirSync('test-output', { recursive: true })
  await page.screenshot({ path: `test-output/debug-${id}.png` })
}
await browser.close()
