import type { Editor } from 'tldraw'
import { itemCardSize, ITEM_CARD } from '../../../shared/board/card-sizes.ts'
import { ITEM_SHAPE, type RegieItemProps, type RegieItemShape } from '../../../shared/board/regie-shapes.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export function ItemInspector({ editor, shape }: { editor: Editor; shape: RegieItemShape }) {
  const { t } = useI18n()
  const p = shape.props

  const update = (patch: Partial<RegieItemProps>) => {
    const next = { ...p, ...patch }
    const needed = itemCardSize(next).height + (next.variant === 'checklist' ? Math.max(0, Math.ceil(next.response.length / 40) - 1) * ITEM_CARD.textLine : 0)
    editor.updateShape<RegieItemShape>({ id: shape.id, type: ITEM_SHAPE, props: { ...patch, h: Math.max(p.h, needed) } })
  }

  return (
    <div className="regie-fields">
      <label>
        {t('regie.inspector.title')}
        <input value={p.title} onChange={(e) => update({ title: e.target.value })} data-field="title" />
      </label>
      {p.variant === 'checklist' ? (
        <>
          <label>
            {t('regie.inspector.response')}
            <textarea rows={3} value={p.response} onChange={(e) => update({ response: e.target.value })} data-field="response" />
          </label>
          <label className="regie-fields__check">
            <input type="checkbox" checked={p.checked} onChange={(e) => update({ checked: e.target.checked })} />
            {t('regie.inspector.checked')}
          </label>
        </>
      ) : (
        <label>
          {t('regie.inspector.text')}
          <textarea rows={3} value={p.text} onChange={(e) => update({ text: e.target.value })} data-field="text" />
        </label>
      )}
    </div>
  )
}
