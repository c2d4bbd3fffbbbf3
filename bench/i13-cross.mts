import { templateRecords } from '../shared/board/template-records.ts'
import { measureRecords } from '../test/helpers/board-geometry.ts'
const id = (process.argv[2] ?? 'regiegemeente-bar') as never
const { shapes, bindings } = await templateRecords(id, 'nl', { pageId: 'page:page' as never })
const m = measureRecords(shapes, bindings)
for (const c of m.crossing) { const a = shapes.find(s => s.id === c)!; const b = bindings.filter(x => x.fromId === c).map(x => x.toId); console.log(c, (a.props as any).bend, b.join(' -> ')) }
console.log(m.labelOverlaps)
