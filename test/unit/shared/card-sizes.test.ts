import { describe, expect, it } from 'vitest'
import { LEGEND_CARD, legendRowHeights, legendSize } from '../../../shared/board/card-sizes.ts'

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
