import { describe, expect, it } from 'vitest'
import { daysAgo, formatAgo, formatCountdown, formatDayLabel, formatListDate } from './time'

const now = new Date(2025, 5, 18, 15, 30).getTime() // a Wednesday
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m, d, h).getTime()

describe('dates in the list and the thread', () => {
  it('counts calendar days, not 24-hour periods', () => {
    expect(daysAgo(at(2025, 5, 18, 0), now)).toBe(0)
    expect(daysAgo(at(2025, 5, 17, 23), now)).toBe(1)
    expect(daysAgo(at(2025, 5, 11), now)).toBe(7)
  })

  it('shows the time today, the weekday this week, else the date', () => {
    const today = formatListDate(at(2025, 5, 18, 9), now)
    expect(today).toMatch(/9/)
    expect(today).not.toMatch(/Jun/)
    const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' }).format(at(2025, 5, 16))
    expect(formatListDate(at(2025, 5, 16), now)).toBe(weekday)
    expect(formatListDate(at(2025, 4, 2), now)).toBe(
      new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }).format(at(2025, 4, 2)),
    )
    expect(formatListDate(at(2023, 4, 2), now)).toMatch(/2023/)
  })

  it('labels day separators', () => {
    expect(formatDayLabel(at(2025, 5, 18), now)).toBe('Today')
    expect(formatDayLabel(at(2025, 5, 17), now)).toBe('Yesterday')
    expect(formatDayLabel(at(2024, 1, 29), now)).toMatch(/2024/)
  })

  it('formats countdowns and relative times', () => {
    expect(formatCountdown(102_000)).toBe('1:42')
    expect(formatCountdown(-5)).toBe('0:00')
    expect(formatAgo(now - 10_000, now)).toBe('just now')
    expect(formatAgo(now - 5 * 60_000, now)).toBe('5 min ago')
    expect(formatAgo(now - 3 * 3_600_000, now)).toBe('3 h ago')
  })
})
