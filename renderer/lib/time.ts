// Dates as a messaging app shows them: the list says "14:05" for today, the weekday within the
// last week, else a date; separators in a thread say "Today", "Yesterday" or the full date.
// Everything uses the user's locale through Intl, with formatters built once.
const DAY_MS = 86_400_000

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' })
const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short' })
const longWeekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long' })
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' })
const yearDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const fullDateFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})
const stampFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' })

export function startOfDay(ms: number): number {
  const d = new Date(ms)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

/** Whole calendar days from `ms` to `now` (0 for the same day), robust to DST changes. */
export function daysAgo(ms: number, now: number): number {
  return Math.round((startOfDay(now) - startOfDay(ms)) / DAY_MS)
}

export function formatTime(ms: number): string {
  return timeFormat.format(ms)
}

/** The conversation list's column: today the time, this week the weekday, else the date. */
export function formatListDate(ms: number, now: number): string {
  const days = daysAgo(ms, now)
  if (days <= 0) return timeFormat.format(ms)
  if (days < 7) return weekdayFormat.format(ms)
  if (new Date(ms).getFullYear() === new Date(now).getFullYear()) return dateFormat.format(ms)
  return yearDateFormat.format(ms)
}

/** A day separator in a thread. */
export function formatDayLabel(ms: number, now: number): string {
  const days = daysAgo(ms, now)
  if (days === 0) return 'Today'
  if (days === 1) return 'Yesterday'
  if (days > 1 && days < 7) return longWeekdayFormat.format(ms)
  return fullDateFormat.format(ms)
}

/** The exact moment, for a tooltip. */
export function formatStamp(ms: number): string {
  return stampFormat.format(ms)
}

/** "just now", "5 min ago", "3 h ago", else the list date: for "last seen". */
export function formatAgo(ms: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - ms) / 1000))
  if (seconds < 60) return 'just now'
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`
  if (seconds < DAY_MS / 1000) return `${Math.floor(seconds / 3600)} h ago`
  return formatListDate(ms, now)
}

/** "1:05" for a countdown. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`
}
