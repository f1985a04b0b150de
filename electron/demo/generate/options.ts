// Generator options, their defaults (the demo phone's history) and validation.
import { displayName } from '../../../shared/protocol/messages/common'
import type { Region } from './numbers'

export interface GenerateOptions {
  /** Any 32-bit integer; the same options always produce the same bytes. */
  readonly seed: number
  /** Exact number of messages. */
  readonly messages: number
  /** Exact number of conversations (distinct threadIds). */
  readonly conversations: number
  /** Oldest and newest possible `date`, ms since the epoch. */
  readonly startDate: number
  readonly endDate: number
  /**
   * Share of all messages in one conversation (0.1 of 1M = the stress case's 100k thread).
   * 0 = no dedicated heavy thread; sizes then follow a Zipf curve (the biggest thread still
   * holds several percent).
   */
  readonly heavyShare: number
  /** 0 (no SIM information: subId null), 1, or 2 (dual SIM: messages on both). */
  readonly sims: 0 | 1 | 2
  /** Exact number of picture parts with data (tiny PNGs); null = 0.8 % of messages, ≤ 40. */
  readonly pictures: number | null
  /** Exact number of parts whose data is null (the runner answers `not_found`); null = 1 in 20. */
  readonly missingPictures: number | null
  /** Group conversations (MMS with several addresses); `null` = about 3 % of conversations. */
  readonly groups: number | null
  /** How many of the most recent conversations end in unread incoming texts. */
  readonly unreadConversations: number
  /** The phone's country: decides national number formats and the SIMs' numbers. */
  readonly region: Region
  readonly deviceName: string
  readonly deviceModel: string
}

const DAY = 86_400_000
/** Fixed, so the default output never depends on the clock. The demo may pass Date.now(). */
export const DEFAULT_END = Date.UTC(2026, 8, 30, 20, 15)

export const DEFAULTS: GenerateOptions = {
  seed: 1,
  messages: 5000,
  conversations: 150,
  startDate: DEFAULT_END - 4 * 365 * DAY - DAY,
  endDate: DEFAULT_END,
  heavyShare: 0,
  sims: 2,
  pictures: null,
  missingPictures: null,
  groups: null,
  unreadConversations: 3,
  region: 'GB',
  deviceName: 'Demo Pixel',
  deviceModel: 'Pixel 8 (demo)',
}

export type GenerateInput = Partial<GenerateOptions>

const isCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0

/** Fills in defaults and refuses combinations that cannot be met exactly. */
export function resolveOptions(input: GenerateInput = {}): GenerateOptions {
  const o: GenerateOptions = { ...DEFAULTS, ...dropUndefined(input) }
  // Changing only the end date moves the default window along with it.
  const options: GenerateOptions =
    input.endDate !== undefined && input.startDate === undefined
      ? { ...o, startDate: o.endDate - (DEFAULTS.endDate - DEFAULTS.startDate) }
      : o
  const fail = (why: string): never => {
    throw new RangeError(`generator options: ${why}`)
  }
  const { messages, conversations } = options
  if (!Number.isInteger(options.seed)) fail('seed must be an integer')
  if (!isCount(messages)) fail('messages must be a non-negative integer')
  if (!isCount(conversations)) fail('conversations must be a non-negative integer')
  if (conversations > messages) fail('every conversation needs at least one message')
  if (messages > 0 && conversations === 0) fail('messages need at least one conversation')
  if (conversations > 20_000) fail('at most 20,000 conversations (fictional numbers run out)')
  if (!(options.heavyShare >= 0 && options.heavyShare < 1)) fail('heavyShare is in [0, 1)')
  if (heavyCount(options) > 0 && messages - heavyCount(options) < conversations - 1) {
    fail('heavyShare leaves too few messages for the other conversations')
  }
  if (!Number.isSafeInteger(options.startDate) || !Number.isSafeInteger(options.endDate)) {
    fail('dates are integer milliseconds')
  }
  if (options.startDate < 0 || options.endDate <= options.startDate) fail('startDate < endDate')
  if (![0, 1, 2].includes(options.sims)) fail('sims is 0, 1 or 2')
  for (const n of [options.pictures, options.missingPictures]) {
    if (n !== null && !isCount(n)) fail('pictures are counts or null')
  }
  if (options.groups !== null && !isCount(options.groups)) fail('groups is a count or null')
  if (!isCount(options.unreadConversations)) fail('unreadConversations is a count')
  // Options also arrive from the command line and from JavaScript, so check what types promise.
  if (!(['GB', 'US'] as string[]).includes(options.region)) fail('region is GB or US')
  if (!displayName.safeParse(options.deviceName).success) fail('deviceName: 1–64 characters')
  if (options.deviceModel.length > 64) fail('deviceModel at most 64 characters')
  return options
}

/** Picture parts with data and without, after filling in the automatic defaults. */
export function pictureCounts(o: GenerateOptions): { ok: number; missing: number } {
  const ok = o.pictures ?? Math.min(40, Math.round(o.messages * 0.008))
  return { ok, missing: o.missingPictures ?? Math.floor(ok / 20) }
}

/** Messages in the heavy thread (0 when there is none). */
export function heavyCount(o: GenerateOptions): number {
  if (o.conversations <= 1) return o.messages
  return o.heavyShare > 0 ? Math.max(1, Math.round(o.heavyShare * o.messages)) : 0
}

function dropUndefined(input: GenerateInput): GenerateInput {
  const entries = Object.entries(input as Record<string, unknown>)
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined))
}
