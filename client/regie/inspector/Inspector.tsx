import { useValue, type Editor, type TLArrowShape } from 'tldraw'
import { ACTOR_SHAPE, ITEM_SHAPE, type RegieActorShape, type RegieItemShape } from '../../../shared/board/regie-shapes.ts'
import type { Role } from '../../../shared/roles.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { AannamePanel } from './AannamePanel.tsx'
import { ActorInspector } from './ActorInspector.tsx'
import { ItemInspector } from './ItemInspector.tsx'
import { RelationInspector } from './RelationInspector.tsx'

/** Edits the one selected actor, relation or item: the fields a card shows but cannot edit itself. */
export function Inspector({ editor, role }: { editor: Editor; role: Role }) {
  const { t } = useI18n()
  const shape = useValue('only selected', () => editor.getOnlySelectedShape(), [editor])
  if (!shape) return null
  let body: React.ReactNode = null
  if (shape.type === ACTOR_SHAPE) body = <ActorInspector editor={editor} shape={shape as RegieActorShape} />
  else if (shape.type === 'arrow') body = <RelationInspector editor={editor} shape={shape as TLArrowShape} />
  else if (shape.type === ITEM_SHAPE) body = <ItemInspector editor={editor} shape={shape as RegieItemShape} />
  if (!body) return null
  return (
    <section className="regie-inspector" aria-label={t('regie.inspector')} data-inspector={shape.type}>
      {body}
      <AannamePanel editor={editor} shape={shape} role={role} />
    </section>
  )
}
