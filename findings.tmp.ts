import { TEMPLATE_IDS, templateModel } from './shared/templates/index.ts'
import { regiecheck } from './shared/regie/regiecheck.ts'
for (const id of TEMPLATE_IDS) {
  const f = regiecheck(templateModel(id, 'nl'))
  const counts: Record<string, number> = {}
  for (const x of f) counts[`${x.ruleId} (${x.severity})`] = (counts[`${x.ruleId} (${x.severity})`] ?? 0) + 1
  console.log(`## ${id}: ${f.length}`)
  for (const [k, v] of Object.entries(counts)) console.log(`  ${v}× ${k}`)
  if (process.env.FULL) for (const x of f) console.log(`    - [${x.ruleId}] ${x.message.nl}`)
}
