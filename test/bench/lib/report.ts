// The benchmark table: one row per measured figure, printed to stdout and written as JSON.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export type Unit = 'ms' | 's' | 'MB' | 'rows/s' | '%' | 'count'

export interface Row {
  /** The target's number ('1'..'7'), or 'bulk' for the store's bulk-path figures. */
  readonly target: string
  readonly measure: string
  /** Null when the measurement could not run here (the note says why). */
  readonly value: number | null
  readonly unit: Unit
  /** Other statistics of the same samples (p50, n), for reading only. */
  readonly detail?: string
  /** The floor measured in this run, in the same unit and statistic. */
  readonly floor: number | null
  /** The target value in `unit`, or null where none is set for this figure. */
  readonly goal: number | null
  readonly goalText: string
  /** Rates: more is better, so the ratio is floor / value (how many times the floor's cost). */
  readonly higherIsBetter?: boolean
  readonly note?: string
}

export interface ReportedRow extends Row {
  readonly ratio: number | null
  readonly verdict: string
}

export function ratioOf(row: Row): number | null {
  if (row.value === null || row.floor === null || row.value === 0 || row.floor === 0) return null
  return row.higherIsBetter === true ? row.floor / row.value : row.value / row.floor
}

export function verdictOf(row: Row): string {
  if (row.value === null) return 'not run'
  if (row.goal === null) return ''
  // A goal of none at all (no frame over 50 ms) has no ratio to be over by.
  if (row.goal === 0) return row.value <= 0 ? 'within' : 'over'
  const over = row.higherIsBetter === true ? row.goal / row.value : row.value / row.goal
  return over <= 1 ? 'within' : `over ×${over.toFixed(1)}`
}

export function format(value: number | null, unit: Unit): string {
  if (value === null || Number.isNaN(value)) return '—'
  switch (unit) {
    case 'ms':
      return `${value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`
    case 's':
      return `${value.toFixed(2)} s`
    case 'MB':
      return `${value.toFixed(0)} MB`
    case 'rows/s':
      return `${(value / 1000).toFixed(1)}k/s`
    case '%':
      return `${value.toFixed(value >= 99 && value < 100 ? 2 : 1)} %`
    case 'count':
      return value.toFixed(0)
  }
}

export function finish(rows: readonly Row[]): ReportedRow[] {
  return rows.map((r) => ({ ...r, ratio: ratioOf(r), verdict: verdictOf(r) }))
}

/** The table as aligned text: target, measure, value, floor, ratio, the target. */
export function table(rows: readonly ReportedRow[]): string {
  const header = ['#', 'measure', 'value', 'detail', 'floor (this run)', 'ratio', 'target', '']
  const lines = rows.map((r) => [
    r.target,
    r.measure,
    format(r.value, r.unit),
    r.detail ?? '',
    format(r.floor, r.unit),
    r.ratio === null ? '—' : `${r.ratio.toFixed(1)}×`,
    r.goalText,
    r.verdict,
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const render = (cells: readonly string[]) =>
    cells
      .map((c, i) =>
        i === 2 || i === 4 || i === 5 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  const notes = rows
    .filter((r) => r.note !== undefined)
    .map((r) => `  [${r.target}] ${r.measure}: ${r.note ?? ''}`)
  return [
    render(header),
    rule,
    ...lines.map(render),
    ...(notes.length > 0 ? ['', 'notes:', ...notes] : []),
  ].join('\n')
}

export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`)
}
