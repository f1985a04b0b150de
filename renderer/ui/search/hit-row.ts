// The box of one message hit in the results. The list is told one row height instead of
// measuring rows while the user types, so the row's layout is worked out here and handed to the
// stylesheet as custom properties on the list (search.css sizes hit rows with these alone): the
// height the list places rows at and the height the CSS draws them cannot drift apart, and a
// snippet gets room for its whole lines instead of being cut by the next row.
import type { CSSProperties } from 'react'

export interface HitRowMetrics {
  /** Above and below the row's content. */
  readonly padding: number
  /** The line with the conversation's name and the date. */
  readonly titleLine: number
  /** Between that line and the snippet. */
  readonly gap: number
  /** One line of the snippet (14 px text). */
  readonly bodyLine: number
  /** Whole snippet lines shown; a longer snippet ends with an ellipsis on the last one. */
  readonly bodyLines: number
  /**
   * Room for lines drawn in a fallback font (emoji) that a line box makes a pixel or two taller
   * than its line height.
   */
  readonly slack: number
}

export const HIT_ROW: HitRowMetrics = {
  padding: 8,
  titleLine: 20,
  gap: 2,
  bodyLine: 20,
  bodyLines: 2,
  slack: 4,
}

export function hitRowHeight(m: HitRowMetrics = HIT_ROW): number {
  return 2 * m.padding + m.titleLine + m.gap + m.bodyLines * m.bodyLine + m.slack
}

/** The custom properties search.css lays hit rows out with. */
export function hitRowStyle(m: HitRowMetrics = HIT_ROW): CSSProperties {
  return {
    '--hit-row-height': `${hitRowHeight(m)}px`,
    '--hit-padding': `${m.padding}px`,
    '--hit-title-line': `${m.titleLine}px`,
    '--hit-gap': `${m.gap}px`,
    '--hit-body-line': `${m.bodyLine}px`,
    '--hit-body-lines': String(m.bodyLines),
  } as CSSProperties
}
