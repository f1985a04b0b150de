// When each message happens and which way it goes, for every message at once, in flat typed
// arrays (17 bytes a message: 1M messages fit in ~17 MB). Messages are then emitted in date
// order, so ids grow with time the way a phone's provider assigns them.
import type { Conversation, Plan } from './plan'
import { pictureCounts, type GenerateOptions } from './options'
import { Rng } from './random'

export const OUT = 1
export const UNREAD = 2
export const LONG = 4
export const HUGE = 8

export interface Pictures {
  ok: number
  missing: number
}

export interface Timeline {
  readonly date: Float64Array
  readonly conv: Uint32Array
  readonly flags: Uint8Array
  /** Message indices in emission order: by date, ties by index. */
  readonly order: Uint32Array
  /** Per conversation: the phone's thread id, assigned in order of first message. */
  readonly threadIds: number[]
  readonly pictures: Map<number, Pictures>
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Texts per local hour of day: quiet nights, a lunch bump, busy evenings. */
const HOURS = [3, 1.5, 0.7, 0.4, 0.3, 0.5, 1.5, 4, 6, 6, 5, 5, 7, 6, 5, 5, 6, 8, 9, 9, 9, 8, 6, 4]
const HOUR_CUMULATIVE = HOURS.map((_, i) => HOURS.slice(0, i + 1).reduce((a, b) => a + b, 0))
const HOUR_TOTAL = HOUR_CUMULATIVE[23] ?? 1
/** Acceptance by weekday (0 = Sunday): a little more texting at weekends. */
const WEEKDAY = [0.95, 0.85, 0.85, 0.85, 0.85, 0.9, 1]

export function utcOffset(o: GenerateOptions): number {
  return o.region === 'US' ? -5 * HOUR : 0 // standard time; daylight saving is ignored
}

function hourOfDay(rng: Rng): number {
  const x = rng.float() * HOUR_TOTAL
  let h = 0
  while (h < 23 && x >= (HOUR_CUMULATIVE[h] ?? 0)) h++
  return h
}

/** A session start in [a, b]: later years are busier, and the daily rhythm applies. */
function sessionStart(rng: Rng, a: number, b: number, tz: number): number {
  if (b - a < 2 * DAY) return a + rng.int(b - a + 1)
  const firstDay = Math.floor((a + tz) / DAY)
  const days = Math.floor((b + tz) / DAY) - firstDay + 1
  for (let attempt = 0; attempt < 8; attempt++) {
    const u = rng.float()
    const day = firstDay + Math.floor((rng.chance(0.5) ? u : Math.sqrt(u)) * days)
    if (!rng.chance(WEEKDAY[(day + 4) % 7] ?? 1)) continue // 1 Jan 1970 was a Thursday
    const t = day * DAY - tz + hourOfDay(rng) * HOUR + rng.int(HOUR)
    if (t >= a && t <= b) return t
  }
  return a + rng.int(b - a + 1)
}

function sessionLength(rng: Rng, kind: Conversation['kind']): number {
  switch (kind) {
    case 'business':
      return rng.chance(0.9) ? 1 : 2
    case 'unknown':
      return 1 + Math.floor(rng.tail(1, 10))
    case 'contact':
      return 1 + Math.floor(rng.tail(3, 40))
    case 'group':
      return 1 + Math.floor(rng.tail(5, 60))
  }
}

export function buildTimeline(plan: Plan, o: GenerateOptions): Timeline {
  const rng = Rng.stream(o.seed, 'timeline')
  const total = o.messages
  const date = new Float64Array(total)
  const conv = new Uint32Array(total)
  const flags = new Uint8Array(total)
  const tz = utcOffset(o)
  const offsets = new Float64Array(64)
  const starts: number[] = []
  let at = 0
  plan.conversations.forEach((c, ci) => {
    starts.push(at)
    const begin = at
    while (at < begin + c.size) {
      const k = Math.min(begin + c.size - at, sessionLength(rng, c.kind))
      for (let j = 1; j < k; j++)
        offsets[j] = (offsets[j - 1] ?? 0) + 4000 + Math.floor(rng.tail(45_000, 1_800_000))
      const duration = offsets[k - 1] ?? 0
      const start = sessionStart(
        rng,
        c.windowStart,
        Math.max(c.windowStart, c.windowEnd - duration),
        tz,
      )
      for (let j = 0; j < k; j++) {
        date[at] = Math.min(o.endDate, start + (offsets[j] ?? 0))
        conv[at++] = ci
      }
    }
    date.subarray(begin, at).sort()
    // Direction as a sticky two-state chain whose long-run share of outgoing is outShare:
    // people send two or three texts in a row rather than strictly alternating.
    const r = c.outShare
    let out = rng.chance(r)
    for (let i = begin; i < at; i++) {
      if (i > begin) out = rng.chance(out ? r + (1 - r) * 0.3 : r * 0.7)
      if (out) flags[i] = OUT
    }
  })
  starts.push(at)

  const first = (ci: number): number => date[starts[ci] ?? 0] ?? 0
  const last = (ci: number): number => date[(starts[ci + 1] ?? 1) - 1] ?? 0
  const convIds = plan.conversations.map((_, i) => i)

  // Thread ids in order of each thread's first message, with gaps where threads were deleted.
  const threadIds = new Array<number>(plan.conversations.length).fill(0)
  let threadId = 0
  for (const ci of convIds.slice().sort((a, b) => first(a) - first(b) || a - b)) {
    threadId += rng.chance(0.05) ? rng.between(2, 4) : 1
    threadIds[ci] = threadId
  }

  // The newest conversations end in texts the owner has not read yet.
  const newest = convIds.slice().sort((a, b) => last(b) - last(a) || a - b)
  for (const ci of newest.slice(0, o.unreadConversations)) {
    const end = starts[ci + 1] ?? 0
    const unread = Math.min(end - (starts[ci] ?? 0), rng.between(1, 3))
    for (let i = end - unread; i < end; i++) flags[i] = UNREAD
  }

  const personal = (i: number): boolean => plan.conversations[conv[i] ?? 0]?.kind !== 'business'
  markSpecial(
    rng,
    flags,
    total,
    personal,
    LONG,
    total >= 200 ? Math.max(3, Math.round(total * 0.002)) : total >= 20 ? 1 : 0,
  )
  markSpecial(rng, flags, total, personal, HUGE, total >= 1000 ? 1 : 0)
  const pictures = placePictures(rng, total, personal, o)

  const order = new Uint32Array(total)
  for (let i = 0; i < total; i++) order[i] = i
  order.sort((x, y) => (date[x] ?? 0) - (date[y] ?? 0) || x - y)
  return { date, conv, flags, order, threadIds, pictures }
}

/** Sets `flag` on `count` distinct eligible messages (fewer if there are not enough). */
function markSpecial(
  rng: Rng,
  flags: Uint8Array,
  total: number,
  eligible: (i: number) => boolean,
  flag: number,
  count: number,
): void {
  let placed = 0
  for (let attempt = 0; placed < count && attempt < count * 50; attempt++) {
    const i = rng.int(total)
    if (!eligible(i) || (flags[i] ?? 0) & (LONG | HUGE)) continue
    flags[i] = (flags[i] ?? 0) | flag
    placed++
  }
}

/** Spreads exactly `pictures` + `missingPictures` parts over non-business messages, ≤ 20 each. */
function placePictures(
  rng: Rng,
  total: number,
  eligible: (i: number) => boolean,
  o: GenerateOptions,
): Map<number, Pictures> {
  const map = new Map<number, Pictures>()
  let { ok, missing } = pictureCounts(o)
  let room = 0
  for (let i = 0; i < total && room < (ok + missing) * 2; i++) if (eligible(i)) room += 20
  if (room < ok + missing)
    throw new RangeError('generator options: too many pictures for the messages')
  while (ok + missing > 0) {
    const i = rng.int(total)
    if (!eligible(i)) continue
    const entry = map.get(i) ?? { ok: 0, missing: 0 }
    const want = rng.chance(0.75) ? 1 : rng.chance(0.7) ? 2 : rng.between(3, 6)
    for (let k = 0; k < want && entry.ok + entry.missing < 20 && ok + missing > 0; k++) {
      if (missing > 0 && (ok === 0 || rng.chance(missing / (ok + missing)))) {
        entry.missing++
        missing--
      } else {
        entry.ok++
        ok--
      }
    }
    map.set(i, entry)
  }
  return map
}
