import type { Editor } from 'tldraw'
import { actorCardSize } from '../../../shared/board/card-sizes.ts'
import { ACTOR_SHAPE, type RegieActorProps, type RegieActorShape } from '../../../shared/board/regie-shapes.ts'
import { ACTOR_KINDS, actorKind, type ActorKindId } from '../../../shared/regie/actor-kinds.ts'
import { REGELING_SOORTEN, isRegelingSoort } from '../../../shared/regie/model.ts'
import { useI18n } from '../../i18n/i18n.tsx'

export function ActorInspector({ editor, shape }: { editor: Editor; shape: RegieActorShape }) {
  const { t, language } = useI18n()
  const p = shape.props

  // The card grows with what it has to show, never shrinks under the user's own resizing.
  const update = (patch: Partial<RegieActorProps>) => {
    const next = { ...p, ...patch }
    const needed = actorCardSize(next)
    editor.updateShape<RegieActorShape>({ id: shape.id, type: ACTOR_SHAPE, props: { ...patch, h: Math.max(p.h, needed.height), placeholder: next.name.trim() === '' && p.placeholder } })
  }
  const count = (value: string): number | null => {
    const parsed = Number(value.replace(/[.\s]/g, '').replace(',', '.'))
    return value.trim() === '' || !Number.isFinite(parsed) ? null : parsed
  }

  return (
    <div className="regie-fields">
      <label>
        {t('regie.inspector.name')}
        <input value={p.name} onChange={(e) => update({ name: e.target.value })} data-field="name" />
      </label>
      <label>
        {t('regie.inspector.kind')}
        <select value={p.kind} onChange={(e) => update({ kind: e.target.value as ActorKindId })} data-field="kind">
          {ACTOR_KINDS.map((kind) => (
            <option key={kind.id} value={kind.id}>
              {kind.label[language]}
            </option>
          ))}
        </select>
      </label>
      <p className="regie-help">{actorKind(p.kind).explanation[language]}</p>
      {actorKind(p.kind).jointBody && (
        <label>
          {t('regie.inspector.regeling')}
          <select value={p.regeling} onChange={(e) => update({ regeling: isRegelingSoort(e.target.value) ? e.target.value : '' })} data-field="regeling">
            <option value="">{t('regie.inspector.regeling.none')}</option>
            {REGELING_SOORTEN.map((soort) => (
              <option key={soort} value={soort}>
                {t(`regie.regeling.${soort}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="regie-fields__row">
        <label>
          {t('regie.inspector.inwoners')}
          <input inputMode="numeric" defaultValue={p.inwoners ?? ''} key={`inwoners-${shape.id}`} onChange={(e) => update({ inwoners: count(e.target.value) })} />
        </label>
        <label>
          {t('regie.inspector.fte')}
          <input inputMode="decimal" defaultValue={p.fte ?? ''} key={`fte-${shape.id}`} onChange={(e) => update({ fte: count(e.target.value) })} />
        </label>
      </div>
      <label>
        {t('regie.inspector.rollen')}
        <textarea
          rows={2}
          defaultValue={p.rollen.join('\n')}
          key={`rollen-${shape.id}`}
          onChange={(e) => update({ rollen: e.target.value.split('\n').filter((line) => line.trim() !== '') })}
        />
      </label>
      <label>
        {t('regie.inspector.toelichting')}
        <textarea rows={2} value={p.toelichting} onChange={(e) => update({ toelichting: e.target.value })} />
      </label>
    </div>
  )
}
