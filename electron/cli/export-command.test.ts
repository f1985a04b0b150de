import { describe, expect, it } from 'vitest'
import { InputError, parseDate } from './export-command'

describe('dates on the command line', () => {
  it('reads a day as UTC midnight and a time with or without its zone', () => {
    expect(parseDate('2026-07-07', '--since')).toBe(Date.UTC(2026, 6, 7))
    expect(parseDate('2024-02-29', '--since')).toBe(Date.UTC(2024, 1, 29))
    expect(parseDate('2026-07-07T04:58', '--since')).toBe(Date.UTC(2026, 6, 7, 4, 58))
    expect(parseDate('2026-07-07T04:58:20.5Z', '--since')).toBe(
      Date.UTC(2026, 6, 7, 4, 58, 20, 500),
    )
    expect(parseDate('2026-07-07T05:58:00+01:00', '--since')).toBe(Date.UTC(2026, 6, 7, 4, 58))
    expect(parseDate('2026-07-06T23:30:00-05:30', '--since')).toBe(Date.UTC(2026, 6, 7, 5, 0))
  })

  it('refuses what is not a date, or not a real one, naming the option', () => {
    for (const text of [
      '2026-7-7',
      '07/07/2026',
      'today',
      '2026-07-07 04:58',
      '2026-07-07T4:58Z',
      '',
    ]) {
      expect(() => parseDate(text, '--until')).toThrow(/--until: .* is not a date/)
    }
    for (const text of ['2026-02-29', '2026-04-31', '2026-07-07T24:00', '2026-07-07T12:60Z']) {
      expect(() => parseDate(text, '--since')).toThrow(InputError)
    }
    expect(() => parseDate('2026-07-07T12:00+25:00', '--since')).toThrow(/offset/)
  })
})
