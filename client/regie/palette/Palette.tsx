import { useEffect, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import { ACTOR_KINDS } from '../../../shared/regie/actor-kinds.ts'
import type { RegieModel } from '../../../shared/regie/model.ts'
import { RELATION_KINDS } from '../../../shared/regie/relation-kinds.ts'
import { canFacilitate, type Role } from '../../../shared/roles.ts'
import { useI18n } from '../../i18n/i18n.tsx'
import { ActorSwatch, RelationSwatch } from '../../shapes/legend/swatches.tsx'
import { placeActor, placeLegend } from '../place-shapes.ts'
import { acceptActorDrops, startActorDrag } from './palette-drag.ts'
import { $drawingRelation } from '../relation-arrows.ts'
import { tidiesWholePage, tidyUp } from '../tidy-up.ts'
import { arrangeFrameNotes, framesToArrange } from '../place-notes.ts'
import { TemplateInserter } from './TemplateInserter.tsx'
import { BoardArrangementsImport } from '../../import/BoardArrangementsImport.tsx'
import { SaveAsTemplate } from '../../templates/SaveAsTemplate.tsx'

export function Palette({ editor, role, model }: { editor: Editor; role: Role; model: RegieModel<string> }) {
  const { t, language } = useI18n()
  const drawing = useValue('drawing relation', () => $drawingRelation.get(), [])
  const toolId = useValue('tool', () => editor.getCurrentToolId(), [editor])
  const [message, setMessage] = useState<string | null>(null)
  const [tidying, setTidying] = useState(false)

  useEffect(() => acceptActorDrops(editor), [editor])

  // Choosing another tool ends drawing relations, as any tool choice ends the previous one.
  useEffect(() => {
    if (toolId !== 'arrow' && $drawingRelation.get() !== null) $drawingRelation.set(null)
  }, [toolId])

  const [confirming, setConfirming] = useState(false)

  // Re-arranging everyone's board is a facilitator's call; a participant confirms it first.
  const askTidy = () => {
    setMessage(null)
    if (!canFacilitate(role) && tidiesWholePage(editor)) setConfirming(true)
    else void tidy()
  }

  const arrange = () => {
    const frames = framesToArrange(editor)
    if (frames.length === 0) {
      setMessage(t('regie.notes.arrange.none'))
      return
    }
    setMessage(t('regie.notes.arranged', { count: String(arrangeFrameNotes(editor, frames)) }))
  }

  const tidy = async () => {
    setConfirming(false)
    setTidying(true)
    setMessage(null)
    try {
      const result = await tidyUp(editor)
      if (result === 'nothing') setMessage(t('regie.tidy.nothing'))
    } catch (error) {
      setMessage(t('regie.tidy.failed', { message: error instanceof Error ? error.message : String(error) }))
    } finally {
      setTidying(false)
    }
  }

  return (
    <div className="regie-palette">
      <section>
        <h3>{t('regie.actors')}</h3>
        <p className="regie-help">{t('regie.actors.help')}</p>
        <div className="regie-kind-list">
          {ACTOR_KINDS.map((kind) => (
            <button key={kind.id} type="button" className="regie-kind" title={kind.explanation[language]} data-actor-kind={kind.id} draggable onDragStart={(event) => startActorDrag(event, kind.id)} onClick={() => placeActor(editor, kind.id)}>
              <ActorSwatch kind={kind.id} />
              <span>{kind.label[language]}</span>
            </button>
          ))}
        </div>
      </section>
      <section>
        <h3>{t('regie.relations')}</h3>
        <p className="regie-help">{t('regie.relations.help')}</p>
        {drawing && (
          <p className="regie-drawing" role="status">
            {t('regie.relations.active', { kind: RELATION_KINDS.find((kind) => kind.id === drawing)?.label[language] ?? drawing })}{' '}
            <button type="button" onClick={() => editor.setCurrentTool('select')}>
              {t('regie.relations.cancel')}
            </button>
          </p>
        )}
        <div className="regie-kind-list">
          {RELATION_KINDS.map((kind) => (
            <button
              key={kind.id}
              type="button"
              className="regie-kind"
              aria-pressed={drawing === kind.id}
              title={kind.explanation[language]}
              data-relation-kind={kind.id}
              onClick={() => {
                $drawingRelation.set(kind.id)
                editor.setCurrentTool('arrow')
              }}
            >
              <RelationSwatch kind={kind.id} />
              <span>{kind.label[language]}</span>
            </button>
          ))}
        </div>
      </section>
      <section className="regie-actions">
        <button type="button" onClick={() => placeLegend(editor, model, t('legend.title'))}>
          {t('regie.legend.insert')}
        </button>
        <button type="button" onClick={askTidy} disabled={tidying} title={t('regie.tidy.help')} data-tidy-up>
          {tidying ? t('regie.tidy.busy') : t('regie.tidy')}
        </button>
        {confirming && (
          <div className="regie-confirm" role="alertdialog" aria-label={t('regie.tidy')} data-tidy-confirm>
            <p>{t('regie.tidy.confirm')}</p>
            <button type="button" onClick={() => void tidy()} data-tidy-confirm-yes>
              {t('regie.tidy.confirmYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('regie.tidy.confirmNo')}
            </button>
          </div>
        )}
        <button type="button" onClick={arrange} title={t('regie.notes.arrange.help')} data-arrange-notes>
          {t('regie.notes.arrange')}
        </button>
        {message && (
          <p className="regie-help" role="status">
            {message}
          </p>
        )}
      </section>
      {canFacilitate(role) && <TemplateInserter editor={editor} />}
      {canFacilitate(role) && (
        <div className="regie-own-actions">
          <BoardArrangementsImport editor={editor} />
          <SaveAsTemplate editor={editor} />
        </div>
      )}
    </div>
  )
}
