// Narrowing a search: one conversation, a date range, received or sent.
import { useId } from 'react'
import { startOfDay } from '../../lib/time'
import type { SearchFilters as Filters } from '../../store/search-slice'
import { useActions, useApp } from '../../store/context'

/** "2024-03-12" (an <input type=date> value, local time) to the start of that day in ms. */
function dayStart(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (m === null) return undefined
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime()
}

/** The start of the next calendar day (not +24 h, which is wrong across a DST change). */
function nextDay(ms: number): number {
  const d = new Date(ms)
  d.setDate(d.getDate() + 1)
  return d.getTime()
}

function dayValue(ms: number | undefined): string {
  if (ms === undefined) return ''
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Drops unset keys: exactOptionalPropertyTypes forbids `key: undefined`. */
function compact(f: { [K in keyof Filters]?: Filters[K] | undefined }): Filters {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined))
}

export function SearchFilters() {
  const filters = useApp((s) => s.search.filters)
  const inTitle = useApp((s) =>
    s.search.filters.conversationId === undefined
      ? null
      : (s.conversations.byId[s.search.filters.conversationId]?.title ?? 'this conversation'),
  )
  const { setSearchFilters } = useActions()
  const ids = { from: useId(), to: useId(), direction: useId() }
  const change = (patch: { [K in keyof Filters]?: Filters[K] | undefined }) => {
    setSearchFilters(compact({ ...filters, ...patch }))
  }
  // The "to" field names a day the user includes; the query's upper bound is exclusive.
  const toDay = filters.to === undefined ? undefined : startOfDay(filters.to - 1)

  return (
    <div className="search-filters" role="group" aria-label="Search filters">
      {inTitle !== null && (
        <span className="filter-chip">
          In <bdi className="strong">{inTitle}</bdi>
          <button
            type="button"
            className="chip-remove"
            aria-label="Search all conversations"
            onClick={() => {
              change({ conversationId: undefined })
            }}
          >
            ×
          </button>
        </span>
      )}
      <label htmlFor={ids.direction} className="visually-hidden">
        Direction
      </label>
      <select
        id={ids.direction}
        value={filters.direction ?? ''}
        onChange={(e) => {
          const v = e.target.value
          change({ direction: v === 'incoming' || v === 'outgoing' ? v : undefined })
        }}
      >
        <option value="">Sent and received</option>
        <option value="incoming">Received</option>
        <option value="outgoing">Sent</option>
      </select>
      <span className="filter-dates">
        <label htmlFor={ids.from}>From</label>
        <input
          id={ids.from}
          type="date"
          value={dayValue(filters.from)}
          max={dayValue(toDay)}
          onChange={(e) => {
            change({ from: dayStart(e.target.value) })
          }}
        />
        <label htmlFor={ids.to}>to</label>
        <input
          id={ids.to}
          type="date"
          value={dayValue(toDay)}
          min={dayValue(filters.from)}
          onChange={(e) => {
            const start = dayStart(e.target.value)
            change({ to: start === undefined ? undefined : nextDay(start) })
          }}
        />
      </span>
    </div>
  )
}

export function hasFilters(f: Filters): boolean {
  return Object.keys(f).length > 0
}
