import { toRichText, useValue, type Editor, type TLArrowShape } from 'tldraw'
import { relationLabelOf, relationMetaOf } from '../../../shared/board/regie-shapes.ts'
import { richTextToPlain } from '../../../shared/board/rich-text.ts'
import { carriesAttribute, isRelationKindId, RELATION_KINDS } from '../../../shared/regie/relation-kinds.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { setRelationKind } from '../relation-arrows.ts'

/** The relation picker: makes any arrow a typed relation (or a plain arrow again). */
export function RelationInspector({ editor, shape }: { editor: Editor; shape: TLArrowShape }) {
  const { t, language } = useI18n()
  const meta = relationMetaOf(shape.meta)
  const kind = meta?.regieRelation ?? null
  const bound = useValue('arrow ends', () => editor.getBindingsFromShape(shape.id, 'arrow').length, [editor, shape.id])

  return (
    <div className="regie-fields">
      <label>
        {t('regie.inspector.relationKind')}
        <select
          value={kind ?? ''}
          onChange={(e) => setRelationKind(editor, shape.id, isRelationKindId(e.target.value) ? e.target.value : null)}
          data-field="relation-kind"
        >
          <option value="">{t('regie.inspector.plainArrow')}</option>
          {RELATION_KINDS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label[language]}
            </option>
          ))}
        </select>
      </label>
      {kind && (
        <>
          <p className="regie-help">{RELATION_KINDS.find((option) => option.id === kind)?.explanation[language]}</p>
          <label>
            {t('regie.inspector.label')}
            <input
              // The full label, also where the canvas shows it shortened or, in a bundle, once for all.
              defaultValue={relationLabelOf(richTextToPlain(shape.props.richText), shape.meta)}
              key={`label-${shape.id}`}
              onChange={(e) => {
                // What is typed is the label, shown in full: the kept full text no longer applies.
                const { regieLabel: _full, regieShownLabel: _shown, ...rest } = shape.meta as Record<string, unknown>
                editor.updateShape<TLArrowShape>({ id: shape.id, type: 'arrow', props: { richText: toRichText(e.target.value) }, meta: rest as TLArrowShape['meta'] })
              }}
            />
          </label>
          {carriesAttribute(kind, 'radReference') && (
            <label>
              {t('regie.inspector.rad')}
              <input
                value={typeof shape.meta.radReference === 'string' ? shape.meta.radReference : ''}
                onChange={(e) => editor.updateShape<TLArrowShape>({ id: shape.id, type: 'arrow', meta: { ...shape.meta, radReference: e.target.value } })}
                data-field="rad"
              />
            </label>
          )}
          {bound < 2 && <p className="regie-help regie-warning">{t('regie.inspector.unbound')}</p>}
        </>
      )}
    </div>
  )
}
