import { describe, expect, it } from 'vitest'
import { legendTitleFor } from '../../../shared/board/legend-title.ts'

describe("a legend's title as the reader sees it", () => {
  it('shows the default title in the reader\'s language, whichever language the board was made in', () => {
    expect(legendTitleFor('Legenda', 'en')).toBe('Legend')
    expect(legendTitleFor('Legend', 'nl')).toBe('Legenda')
    expect(legendTitleFor('Legenda', 'nl')).toBe('Legenda')
    expect(legendTitleFor('  ', 'en')).toBe('Legend')
  })

  it('keeps a title someone wrote as written', () => {
    expect(legendTitleFor('Kleuren en lijnen', 'en')).toBe('Kleuren en lijnen')
    expect(legendTitleFor('Legenda regio', 'en')).toBe('Legenda regio')
  })
})
