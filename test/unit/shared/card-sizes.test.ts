import { describe, expect, it } from 'vitest'
import { ACTOR_CARD, LEGEND_CARD, actorBorderWidth, actorCardSize, actorHeaderHeight, legendRowHeights, legendSize, linesFor } from '../../../shared/board/card-sizes.ts'

describe('legend size', () => {
  it('gives a row a second line when its label wraps in either language', () => {
    expect(legendRowHeights(['gemeente'], ['opdrachtgeverschap'])).toEqual([LEGEND_CARD.row, LEGEND_CARD.row])
    // "Samenwerkingsverband / netwerkpartner" wraps in Dutch, "Shared service organisation / joint arrangement" in English.
    expect(legendRowHeights(['samenwerkingsverband', 'uitvoeringsorganisatie'], [])).toEqual([
      LEGEND_CARD.row + LEGEND_CARD.rowLine,
      LEGEND_CARD.row + LEGEND_CARD.rowLine,
    ])
  })

  it('spaces the rows for the language it is read in', () => {
    expect(legendRowHeights(['samenwerkingsverband', 'uitvoeringsorganisatie'], [], 'nl')).toEqual([LEGEND_CARD.row + LEGEND_CARD.rowLine, LEGEND_CARD.row])
    expect(legendRowHeights(['samenwerkingsverband', 'uitvoeringsorganisatie'], [], 'en')).toEqual([LEGEND_CARD.row, LEGEND_CARD.row + LEGEND_CARD.rowLine])
  })

  it('is as tall as its title and rows', () => {
    const rows = legendRowHeights(['gemeente', 'samenwerkingsverband'], ['opdrachtgeverschap'])
    expect(legendSize(['gemeente', 'samenwerkingsverband'], ['opdrachtgeverschap'])).toEqual({
      width: LEGEND_CARD.width,
      height: LEGEND_CARD.header + rows[0]! + rows[1]! + rows[2]! + LEGEND_CARD.padding,
    })
  })
})

describe('lines of wrapped text', () => {
  it('wraps whole words, as the browser does', () => {
    expect(linesFor('', 10)).toBe(0)
    expect(linesFor('aaaa bbbb', 9)).toBe(1)
    expect(linesFor('aaaa bbbbb', 9)).toBe(2)
    // 56 characters fit in two lines of 28 by count, but the words take three.
    expect(linesFor('Gemeenteraad Alblasserdam, Ondernemingsraad Alblasserdam', 28)).toBe(3)
  })

  it('breaks a word longer than a line, starting it on a line of its own', () => {
    expect(linesFor('x'.repeat(25), 10)).toBe(3)
    expect(linesFor(`ab ${'x'.repeat(25)} cd`, 10)).toBe(4)
    expect(linesFor(`ab ${'x'.repeat(25)} cdefg`, 10)).toBe(5)
  })

  it('counts each paragraph on lines of its own', () => {
    expect(linesFor('a\nb', 5)).toBe(2)
  })
})

describe('actor card size', () => {
  it('includes the edge, twice as wide for the double-edged family', () => {
    const single = actorCardSize({ kind: 'gemeente', name: 'Gemeente Elburg', toelichting: 'Een regel\nen nog een\nen een derde' })
    expect(single.height).toBe(2 * 2 + actorHeaderHeight('gemeente') + 2 * ACTOR_CARD.padding + ACTOR_CARD.nameLine + 3 * ACTOR_CARD.detailLine)
    expect(actorBorderWidth('gemeente')).toBe(2)
    expect(actorBorderWidth('uitvoeringsorganisatie')).toBe(4)
  })
})
