import { describe, expect, it } from 'vitest'
import { estimateMmsBytes, MAX_STAGE_BYTES } from '../../shared/api/compose'
import {
  fileBudget,
  fitsBudget,
  HEADROOM,
  MIN_PICTURE_BYTES,
  planAttachments,
  TYPE_AHEAD,
  utf8Length,
  type BudgetFile,
} from './mms-budget'

const KB = 1024
const LIMIT = 300 * KB

const picture = (id: number, size: number): BudgetFile => ({ id, size, scalable: true })
const file = (id: number, size: number): BudgetFile => ({ id, size, scalable: false })
const plan = (files: BudgetFile[], textBytes = 0, limit = LIMIT) =>
  planAttachments({ limit, textBytes, recipients: 1, files })

describe('the file budget', () => {
  it('is the limit less 8 KiB and the text', () => {
    expect(fileBudget({ limit: LIMIT, textBytes: 500, recipients: 1, parts: 2 })).toBe(
      LIMIT - HEADROOM - 500,
    )
  })

  it('leaves more room than the core counts, for any message the contract allows', () => {
    for (const recipients of [1, 3, 20]) {
      for (const parts of [0, 1, 10]) {
        for (const textBytes of [0, 1, 4000, 20_000]) {
          const budget = fileBudget({ limit: LIMIT, textBytes, recipients, parts })
          const sizes =
            parts === 0 ? [] : Array.from({ length: parts }, () => Math.floor(budget / parts))
          expect(fitsBudget({ limit: LIMIT, textBytes, recipients, sizes })).toBe(true)
          const core = estimateMmsBytes({
            bodyBytes: textBytes,
            attachmentSizes: sizes,
            recipients,
          })
          expect(core).toBeLessThanOrEqual(LIMIT)
        }
      }
    }
  })

  it('says when the files and the text no longer fit', () => {
    const sizes = [LIMIT - HEADROOM - 100]
    expect(fitsBudget({ limit: LIMIT, textBytes: 100, recipients: 1, sizes })).toBe(true)
    expect(fitsBudget({ limit: LIMIT, textBytes: 101, recipients: 1, sizes })).toBe(false)
  })
})

describe('planning the files of one message', () => {
  it('keeps a picture that fits as it is', () => {
    expect(plan([picture(1, 200 * KB)]).get(1)).toEqual({ kind: 'keep' })
  })

  it('scales a large photo to the whole budget less room to keep typing', () => {
    const got = plan([picture(1, 1800 * KB)], 1000).get(1)
    expect(got).toEqual({ kind: 'scale', target: LIMIT - HEADROOM - 1000 - TYPE_AHEAD })
  })

  it('splits the budget equally between large pictures, after the small ones', () => {
    const plans = plan([picture(1, 2000 * KB), picture(2, 20 * KB), picture(3, 900 * KB)])
    expect(plans.get(2)).toEqual({ kind: 'keep' })
    const rest = LIMIT - HEADROOM - 20 * KB - TYPE_AHEAD
    expect(plans.get(1)).toEqual({ kind: 'scale', target: Math.floor(rest / 2) })
    expect(plans.get(3)).toEqual({ kind: 'scale', target: Math.floor(rest / 2) })
  })

  it('always re-encodes a picture that must be converted', () => {
    const plans = planAttachments({
      limit: LIMIT,
      textBytes: 0,
      recipients: 1,
      files: [{ id: 1, size: 10 * KB, scalable: true, mustConvert: true }],
    })
    expect(plans.get(1)?.kind).toBe('scale')
  })

  it('keeps a video that fits and refuses one that does not, saying how much room there was', () => {
    expect(plan([file(1, 250 * KB)]).get(1)).toEqual({ kind: 'keep' })
    expect(plan([file(1, 1200 * KB)]).get(1)).toEqual({
      kind: 'refuse',
      room: LIMIT - HEADROOM,
    })
  })

  it('leaves each picture its minimum before taking a file that cannot be made smaller', () => {
    const video = LIMIT - HEADROOM - MIN_PICTURE_BYTES
    expect(plan([file(1, video), picture(2, 3000 * KB)]).get(1)).toEqual({ kind: 'keep' })
    const plans = plan([file(1, video + 1), picture(2, 3000 * KB)])
    expect(plans.get(1)).toEqual({ kind: 'refuse', room: video })
    expect(plans.get(2)?.kind).toBe('scale')
  })

  it('refuses pictures that cannot have their minimum, the last attached first', () => {
    const limit = HEADROOM + 2 * MIN_PICTURE_BYTES + 100
    const plans = plan([picture(1, 90 * KB), picture(2, 90 * KB), picture(3, 90 * KB)], 0, limit)
    expect(plans.get(3)).toEqual({ kind: 'refuse', room: 0 })
    // Of the two left, the room kept for typing leaves only one its minimum.
    expect([plans.get(1)?.kind, plans.get(2)?.kind].sort()).toEqual(['refuse', 'scale'])
  })

  it('never plans more than the budget, nor a file over the staging limit', () => {
    const files = [
      picture(1, 9 * 1024 * KB),
      file(2, 40 * KB),
      picture(3, 150 * KB),
      picture(4, 5 * KB),
      file(5, 90 * KB),
    ]
    for (const limit of [LIMIT, 600 * KB, 1024 * KB, 10 * 1024 * KB]) {
      const plans = planAttachments({ limit, textBytes: 300, recipients: 3, files })
      let total = 0
      for (const f of files) {
        const p = plans.get(f.id)!
        const size = p.kind === 'keep' ? f.size : p.kind === 'scale' ? p.target : 0
        expect(size).toBeLessThanOrEqual(MAX_STAGE_BYTES)
        total += size
      }
      expect(total).toBeLessThanOrEqual(
        fileBudget({ limit, textBytes: 300, recipients: 3, parts: 5 }),
      )
    }
  })
})

describe('utf8Length', () => {
  it('counts what TextEncoder would write', () => {
    for (const text of ['', 'hello', 'Ça va', '日本語', 'a😀b', '\ud800 lone', 'x\udc00']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length)
    }
  })
})
