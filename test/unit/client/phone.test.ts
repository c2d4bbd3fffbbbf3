/**
 * The phone view's pure parts: exercises and summon targets read from a board's records, notes
 * written without an editor (valid records, in the lane), real plural forms, and which view opens.
 */
import { describe, expect, it } from 'vitest'
import { Store } from '@tldraw/store'
import { createTLSchema, type TLPageId, type TLShapeId, type TLStore, type TLStoreProps } from '@tldraw/tlschema'
import { createBoardSchema, PAGE_ID } from '../../../shared/board/board-schema.ts'
import { richTextToPlain } from '../../../shared/board/rich-text.ts'
import { chooseView } from '../../../client/board/view-choice.ts'
import { formatMessage, translate } from '../../../client/i18n/i18n.tsx'
import { addNote, rewordNote } from '../../../client/outline/note-edits.ts'
import { exercisesOf, firstExercise, pageToShow, summonTarget } from '../../../client/phone/phone-model.ts'
import { NOTE_TEXTS, workshopBoard } from '../../helpers/workshop-board.ts'

const LANE = 'shape:lane-wijk' as TLShapeId

function boardStore(): TLStore {
  const props = { defaultName: '', assets: {}, users: {}, onMount: () => undefined } as unknown as TLStoreProps
  return new Store({ schema: createBoardSchema(), props }) as unknown as TLStore
}

describe('phone model', () => {
  it('reads a lane as an exercise: its name, question card and notes, authors kept', async () => {
    const { records, structure } = await workshopBoard()
    const all = [...records, ...structure]
    const exercises = exercisesOf(all, pageToShow(all, null))
    const lane = exercises.find((exercise) => exercise.id === LANE)!
    expect(lane.name).toBe('Baan één: Wensen')
    expect(lane.cards).toEqual([{ id: 'shape:card', title: 'Vraag', text: 'Wie betaalt de ijsbaan?' }])
    expect(lane.notes.map((note) => note.text)).toEqual([NOTE_TEXTS.first, NOTE_TEXTS.second, NOTE_TEXTS.locked, NOTE_TEXTS.third])
    expect(lane.notes[0]).toMatchObject({ createdBy: 'id-Anaïs', authorName: 'Anaïs', locked: false })
    expect(lane.notes[2]!.locked).toBe(true)
    // Loose things on the page form their own group; the lane, with notes, is where one starts.
    expect(exercises.find((exercise) => exercise.id === null)?.others).toContain(NOTE_TEXTS.loose)
    expect(firstExercise(exercises)?.id).toBe(LANE)
  })

  it('finds where a summon points: the note under the centre of the view, and its lane', async () => {
    const { records } = await workshopBoard()
    // The lane is at (0, 2000); the third note at (20, 250) inside it.
    const onNote = summonTarget(records, PAGE_ID, { x: 0, y: 2200, w: 300, h: 200 })
    expect(onNote).toEqual({ exerciseId: LANE, noteId: 'shape:note-3' })
    const onLane = summonTarget(records, PAGE_ID, { x: 700, y: 2300, w: 100, h: 100 })
    expect(onLane.exerciseId).toBe(LANE)
    expect(summonTarget(records, PAGE_ID, { x: -5000, y: -5000, w: 10, h: 10 })).toEqual({ exerciseId: null, noteId: null })
    expect(summonTarget(records, 'page:other' as TLPageId, { x: 0, y: 2200, w: 300, h: 200 })).toEqual({ exerciseId: null, noteId: null })
  })
})

describe('notes written without an editor', () => {
  it('adds a valid note record to the lane, in a free cell of its grid, with its author', async () => {
    const store = boardStore()
    const { records } = await workshopBoard()
    store.put(records)
    const id = addNote(store, LANE, 'Een bankje', { id: 'me', name: 'Fatima' })
    const note = store.get(id)!
    expect(note).toMatchObject({ type: 'note', parentId: LANE, meta: { createdBy: 'me', createdByName: 'Fatima' } })
    // The store validated it against the board schema; the server's schema is the same one.
    expect(() => createTLSchema().types.shape.validate(note)).not.toThrow()
    const siblings = records.filter((record) => record.typeName === 'shape' && record.parentId === LANE)
    // The lane's next free cell (shared/board/note-placement.ts): on nothing that is already there.
    const box = (shape: unknown) => {
      const s = shape as { x: number; y: number; props: { w?: number; h?: number } }
      return { x: s.x, y: s.y, w: s.props.w ?? 200, h: s.props.h ?? 200 }
    }
    const mine = box(note)
    const overlapping = siblings.map(box).filter((other) => mine.x < other.x + other.w && other.x < mine.x + mine.w && mine.y < other.y + other.h && other.y < mine.y + mine.h)
    expect(overlapping).toEqual([])
    expect(siblings.every((shape) => (shape as { index: string }).index < (note as { index: string }).index)).toBe(true)

    rewordNote(store, id, 'Twee bankjes')
    expect(richTextToPlain((store.get(id) as { props: { richText: unknown } }).props.richText)).toBe('Twee bankjes')
  })
})

describe('plurals', () => {
  it('picks the singular or plural form by Intl.PluralRules, never "stip(pen)"', () => {
    const message = '{count, plural, =0 {Je stippen zijn op} one {Je hebt nog # stip} other {Je hebt nog # stippen}}'
    expect(formatMessage('nl', message, { count: 0 })).toBe('Je stippen zijn op')
    expect(formatMessage('nl', message, { count: 1 })).toBe('Je hebt nog 1 stip')
    expect(formatMessage('nl', message, { count: 3 })).toBe('Je hebt nog 3 stippen')
    expect(translate('nl', 'session.voting.total', { count: 1 })).toBe('1 stem')
    expect(translate('nl', 'session.voting.total', { count: 2 })).toBe('2 stemmen')
    expect(translate('en', 'status.unsynced', { count: 1 })).toBe('1 change not sent yet')
    expect(translate('nl', 'phone.note.by', { name: 'Anaïs' })).toBe('Van Anaïs')
  })

  it('has no bracket plurals left in either language', async () => {
    const { nl } = await import('../../../client/i18n/nl.ts')
    const { en } = await import('../../../client/i18n/en.ts')
    for (const text of [...Object.values(nl), ...Object.values(en)]) expect(text).not.toMatch(/\w\((?:en|n|s|pen|men)\)|\/onderdelen/)
  })
})

describe('which view a board opens in', () => {
  it('gives participants and viewers on a narrow screen the simple view, and honours a choice', () => {
    expect(chooseView('participant', null, true)).toBe('phone')
    expect(chooseView('viewer', null, true)).toBe('phone')
    expect(chooseView('facilitator', null, true)).toBe('canvas')
    expect(chooseView('participant', null, false)).toBe('canvas')
    expect(chooseView('participant', 'canvas', true)).toBe('canvas')
    expect(chooseView('facilitator', 'phone', false)).toBe('phone')
  })
})
