// Coverage of the seed tables (test/unit/shared/seed-tables.ts) by the templates of a checkout:
// npx tsx scripts/seed-coverage.mts <checkout root>   (default: this checkout)
import path from 'node:path'
import { SEED } from '../test/unit/shared/seed-tables.ts'
const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'))
// `any`: the templates come from another checkout, whose types need not match this one.
async function main() { const { templateModel, getTemplate } = await import(`${root}/shared/templates/index.ts`)
for (const [id, table] of Object.entries(SEED) as any) {
  const m = templateModel(id, 'nl')
  const bodies = table.bodies.filter(([k, a]: any) => m.actors.find((x: any) => x.id === a)?.kind === k).length
  const rels = table.relations.filter(([k, f, t]: any) => m.relations.some((r: any) => r.kind === k && r.from === f && r.to === t)).length
  const steps = m.blocks.filter((b: any) => b.type === 'flow').flatMap((f: any) => f.steps.map((s: any) => s.id))
  const st = table.steps.filter(([s]: any) => steps.includes(s)).length
  const tm = getTemplate(id).model
  const all = [...tm.actors, ...tm.relations]
  const marked = all.filter((e: any) => e.aanname !== undefined || e.source?.assumption !== undefined).length
  const bodiesSet = new Set(table.bodies.map((b: any) => b[1])); const relSet = new Set(table.relations.map(([k, f, t]: any) => `${k}:${f}>${t}`))
  const unstated = [...tm.actors.filter((a: any) => !bodiesSet.has(a.id)), ...tm.relations.filter((r: any) => !relSet.has(`${r.kind}:${r.from}>${r.to}`))]
  const unstatedUnmarked = unstated.filter((e: any) => e.aanname === undefined && e.source?.assumption === undefined).length
  const checklists = m.blocks.filter((b: any) => b.type === 'checklist').map((b: any) => b.purpose).join(',')
  console.log(`${id}: bodies ${bodies}/${table.bodies.length}, relations ${rels}/${table.relations.length}, steps ${st}/${table.steps.length}; actors+relations ${all.length}, marked ${marked}, not in seed ${unstated.length} of which unmarked ${unstatedUnmarked}; checklists [${checklists}]`)
}
}
await main()
