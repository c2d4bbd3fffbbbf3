import { useEffect, useRef, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import { useI18n } from '../../i18n/i18n.tsx'
import { COVERS_CANVAS_BOTTOM } from '../../board/free-area.ts'
import { refitOpeningView } from '../../board/open-view.ts'
import { boardSections, showOverview, showSection, type Section } from './sections.ts'

interface Props {
  editor: Editor
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** How long after the tour closes a change of the canvas's size (the side panel returning) still refits. */
const CLOSING_REFIT_MS = 1500

const offeredKey = () => `regiebord:tour-offered:${window.location.pathname}`

/**
 * "Onderdelen": the sections of the board in reading order, and a tour through them ("Volgende
 * onderdeel") at a readable zoom. A board opens at its overview; the first time someone opens a
 * board with several sections in this browser, the tour is offered.
 */
export function SectionTour({ editor, open, onOpenChange }: Props) {
  const { t, language } = useI18n()
  const unnamedFrame = t('outline.unnamedFrame')
  const sections = useValue('sections', () => boardSections(editor, language, unnamedFrame), [editor, language, unnamedFrame])
  const [current, setCurrent] = useState<number | null>(null)
  // Bumped by every step, so stepping to the section one is on (a single-section loop) shows it again.
  const [step, setStep] = useState(0)
  const [offer, setOffer] = useState(false)

  useEffect(() => {
    if (sections.length >= 2 && window.localStorage.getItem(offeredKey()) === null) setOffer(true)
    // Offered once, when the sections are first known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sections.length >= 2])

  // The board opens clear of the offer, and takes the room back when it goes.
  useEffect(() => refitOpeningView(editor), [editor, offer])

  // After the panel has drawn: the section is fitted above it, whatever its height now.
  useEffect(() => {
    if (!open || step === 0) return
    const section = current === null ? undefined : sections[current]
    if (section) showSection(editor, section)
    else showOverview(editor)
    // Only a step moves the camera; sections changing under an open tour do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step])

  // The canvas changes size while touring (the side panel folds, a window is resized) and right
  // after the tour closes (the side panel comes back): the part shown is fitted again once the
  // size has settled. Only a change of size does this; edits to the board leave the camera alone.
  const shown = useRef<{ current: number | null; sections: Section[] }>({ current, sections })
  shown.current = { current, sections }
  const wasOpen = useRef(false)
  useEffect(() => {
    const closing = !open && wasOpen.current
    wasOpen.current = open
    if (!open && !closing) return
    const container = editor.getContainer()
    let size = { w: container.clientWidth, h: container.clientHeight }
    let frame = 0
    const observer = new ResizeObserver(() => {
      if (container.clientWidth === size.w && container.clientHeight === size.h) return
      size = { w: container.clientWidth, h: container.clientHeight }
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        const { current: index, sections: all } = shown.current
        const section = index === null ? undefined : all[index]
        if (section) showSection(editor, section)
      })
    })
    observer.observe(container)
    const lingering = closing ? setTimeout(() => observer.disconnect(), CLOSING_REFIT_MS) : undefined
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
      clearTimeout(lingering)
    }
  }, [editor, open])

  const dismissOffer = () => {
    window.localStorage.setItem(offeredKey(), '1')
    setOffer(false)
  }
  const go = (index: number | null) => {
    if (index !== null && !sections[index]) return
    setCurrent(index)
    setStep((n) => n + 1)
  }

  if (offer && !open) {
    return (
      <div className="section-tour section-tour--offer" role="dialog" aria-label={t('tour.title')} data-tour-offer {...{ [COVERS_CANVAS_BOTTOM]: '' }}>
        <p>{t('tour.offer', { count: String(sections.length) })}</p>
        <div className="section-tour__buttons">
          <button
            type="button"
            onClick={() => {
              dismissOffer()
              onOpenChange(true)
              go(0)
            }}
            data-tour-start
          >
            {t('tour.start')}
          </button>
          <button type="button" onClick={dismissOffer}>
            {t('tour.close')}
          </button>
        </div>
      </div>
    )
  }
  if (!open) return null
  return (
    <nav className="section-tour" aria-label={t('tour.title')} data-tour {...{ [COVERS_CANVAS_BOTTOM]: '' }}>
      <h2>{current === null ? t('tour.title') : `${t('tour.position', { current: String(current + 1), count: String(sections.length) })}: ${sections[current]?.name ?? ''}`}</h2>
      {/* While touring, only where one is and the buttons: the list would cover the section. */}
      {current === null && (
      <ol>
        {sections.map((section, index) => (
          <li key={section.id}>
            <button type="button" aria-current={current === index ? 'step' : undefined} onClick={() => go(index)}>
              {section.name}
            </button>
          </li>
        ))}
      </ol>
      )}
      <p role="status" className="visually-hidden" data-tour-current>
        {current === null ? '' : sections[current]?.name}
      </p>
      <div className="section-tour__buttons">
        <button type="button" onClick={() => go(current === null ? 0 : Math.max(0, current - 1))} disabled={current === null || current === 0}>
          {t('tour.previous')}
        </button>
        <button type="button" onClick={() => go(current === null ? 0 : (current + 1) % sections.length)} disabled={sections.length === 0} data-tour-next>
          {t('tour.next')}
        </button>
        <button
          type="button"
          onClick={() => go(null)}
          data-tour-overview
        >
          {t('tour.overview')}
        </button>
        <button type="button" onClick={() => onOpenChange(false)}>
          {t('tour.close')}
        </button>
      </div>
    </nav>
  )
}
