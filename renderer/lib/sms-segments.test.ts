import { describe, expect, it } from 'vitest'
import { countSegments, gsmSeptets } from './sms-segments'

const a = (n: number) => 'a'.repeat(n)

describe('countSegments: GSM-7', () => {
  it('counts an empty text as no parts', () => {
    expect(countSegments('')).toMatchObject({
      encoding: 'GSM-7',
      units: 0,
      parts: 0,
      remaining: 160,
    })
  })

  it('keeps accented letters of the default alphabet in GSM-7', () => {
    expect(countSegments('Café à Göteborg, 10€? ¿Sì?')).toMatchObject({ encoding: 'GSM-7' })
    expect(countSegments('Ça va\r\nØresund _Δ')).toMatchObject({ encoding: 'GSM-7' })
    // í (acute) is not in the default alphabet, only ì (grave): UCS-2.
    expect(countSegments('Sí')).toMatchObject({ encoding: 'UCS-2', nonGsm: ['í'] })
  })

  it('fits 160 septets in one part and moves to 153 per part after', () => {
    expect(countSegments(a(160))).toMatchObject({ parts: 1, remaining: 0, perPart: 160 })
    expect(countSegments(a(161))).toMatchObject({ parts: 2, perPart: 153, remaining: 145 })
    expect(countSegments(a(306))).toMatchObject({ parts: 2, remaining: 0 })
    expect(countSegments(a(307))).toMatchObject({ parts: 3, remaining: 152 })
  })

  it('counts extension characters as two septets', () => {
    for (const c of '^{}\\[~]|€\f') expect(gsmSeptets(c)).toBe(2)
    expect(countSegments('€')).toMatchObject({ encoding: 'GSM-7', units: 2 })
    expect(countSegments('€'.repeat(80))).toMatchObject({ units: 160, parts: 1 })
    expect(countSegments('€'.repeat(81))).toMatchObject({ units: 162, parts: 2 })
    expect(countSegments(`${a(159)}[`)).toMatchObject({ units: 161, parts: 2 })
  })

  it('never splits an escape pair across parts', () => {
    // 152 + 2 + 152 = 306 septets: two parts by division, but the € cannot straddle part 1.
    const text = `${a(152)}€${a(152)}`
    expect(countSegments(text)).toMatchObject({ units: 306, parts: 3, remaining: 152 })
  })
})

describe('countSegments: UCS-2', () => {
  it('switches to UCS-2 for any character outside GSM-7 and says which', () => {
    expect(countSegments('ça')).toMatchObject({ encoding: 'UCS-2', units: 2, nonGsm: ['ç'] })
    expect(countSegments('Привет')).toMatchObject({ encoding: 'UCS-2', units: 6, parts: 1 })
    expect(countSegments('`')).toMatchObject({ encoding: 'UCS-2' })
  })

  it('counts an emoji as two UTF-16 units (a surrogate pair)', () => {
    expect(countSegments('😀')).toMatchObject({ encoding: 'UCS-2', units: 2, nonGsm: ['😀'] })
    expect(countSegments('👍🏽')).toMatchObject({ units: 4 })
    expect(countSegments('hi 😀')).toMatchObject({ units: 5, remaining: 65 })
  })

  it('fits 70 units in one part and 67 per part after', () => {
    expect(countSegments(`ж${a(69)}`)).toMatchObject({ parts: 1, remaining: 0, perPart: 70 })
    expect(countSegments(`ж${a(70)}`)).toMatchObject({ parts: 2, perPart: 67, remaining: 63 })
    expect(countSegments(`ж${a(133)}`)).toMatchObject({ parts: 2, remaining: 0 })
    expect(countSegments(`ж${a(134)}`)).toMatchObject({ parts: 3 })
  })

  it('never splits a surrogate pair across parts', () => {
    expect(countSegments('😀'.repeat(35))).toMatchObject({ units: 70, parts: 1 })
    // 36 emoji: 33 fit in part 1 (66 units), the 34th would straddle it.
    expect(countSegments('😀'.repeat(36))).toMatchObject({ units: 72, parts: 2, remaining: 61 })
    const text = `${a(66)}😀${a(66)}`
    expect(countSegments(text)).toMatchObject({ units: 134, parts: 3, remaining: 66 })
  })
})
