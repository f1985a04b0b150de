// Conversation titles and participant labels: the phone's contact names where the address book
// knows the number, else the formatted address. Computed when a conversation is created and
// again when the device's contacts are replaced.
import { z } from 'zod'
import type { ConversationId } from '../../../../shared/model/ids'
import type { Participant } from '../../../../shared/model/message'
import { parseJsonColumn } from '../db/json'
import type { StatementCache } from '../db/db'
import type { DeviceContext } from '../devices/devices'
import type { NormalizedAddress } from '../text/numbers'
import { fold } from '../text/text'

export const participantsSchema = z.array(
  z.object({ key: z.string(), address: z.string(), name: z.string().nullable() }),
)

export interface ThreadLabels {
  readonly participants: readonly Participant[]
  readonly title: string
  readonly titleFold: string
  readonly contactRef: string | null
}

export interface ContactHit {
  readonly name: string
  readonly phone_contact_id: string
}

// Several contacts may share a number; the first by name is taken so the choice is stable.
const CONTACT_FOR_KEY = `
  SELECT c.name, c.phone_contact_id FROM contact_numbers n JOIN contacts c ON c.id = n.contact_id
  WHERE n.device_key = ? AND n.generation = ? AND n.number_key = ?
  ORDER BY c.name, c.id LIMIT 1`

/** ' 447700900123 7700900123 ': the digit forms conversation search looks inside. */
export function numberTerms(addresses: readonly NormalizedAddress[]): string {
  const digits = addresses.flatMap((a) => a.digitTerms)
  return digits.length === 0 ? ' ' : ` ${digits.join(' ')} `
}

// Names are looked up for every sender of a page of bubbles or search hits; a committed
// contacts generation never changes, so lookups in it are cached under the generation number.
const CACHE_LIMIT = 20_000

export class TitleResolver {
  private readonly cache = new Map<string, ContactHit | null>()

  constructor(private readonly sql: StatementCache) {}

  contactFor(
    ctx: DeviceContext,
    key: string,
    generation = ctx.contactsGeneration,
  ): ContactHit | null {
    const stmt = this.sql.get<[number, number, string], ContactHit>(CONTACT_FOR_KEY)
    // A staged (uncommitted) generation can still change or be discarded: never cached.
    if (generation !== ctx.contactsGeneration) return stmt.get(ctx.key, generation, key) ?? null
    const cacheKey = `${ctx.key}\u0000${generation}\u0000${key}`
    const cached = this.cache.get(cacheKey)
    if (cached !== undefined) return cached
    const hit = stmt.get(ctx.key, generation, key) ?? null
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear()
    this.cache.set(cacheKey, hit)
    return hit
  }

  /** Labels for participants (key and formatted address), against a contacts generation. */
  labels(
    ctx: DeviceContext,
    people: readonly { readonly key: string; readonly address: string }[],
    generation = ctx.contactsGeneration,
  ): ThreadLabels {
    const hits = people.map((p) => this.contactFor(ctx, p.key, generation))
    const participants = people.map((p, i) => ({
      key: p.key,
      address: p.address,
      name: hits[i]?.name ?? null,
    }))
    const title = participants.map((p) => p.name ?? p.address).join(', ')
    return {
      participants,
      title,
      titleFold: fold(title),
      contactRef: people.length === 1 ? (hits[0]?.phone_contact_id ?? null) : null,
    }
  }

  /** Titles follow the address book: recompute every conversation of the device. */
  retitleDevice(ctx: DeviceContext, generation: number): ConversationId[] {
    const threads = this.sql
      .get<
        [number],
        { id: number; participants_json: string; title: string; contact_ref: string | null }
      >('SELECT id, participants_json, title, contact_ref FROM threads WHERE device_key = ?')
      .all(ctx.key)
    const update = this.sql.get<[string, string, string, string | null, number]>(
      'UPDATE threads SET participants_json = ?, title = ?, title_fold = ?, contact_ref = ? WHERE id = ?',
    )
    const changed: ConversationId[] = []
    for (const t of threads) {
      const people = parseJsonColumn(
        participantsSchema,
        t.participants_json,
        'threads.participants_json',
      )
      const labels = this.labels(ctx, people, generation)
      const json = JSON.stringify(labels.participants)
      if (
        json === t.participants_json &&
        labels.title === t.title &&
        labels.contactRef === t.contact_ref
      )
        continue
      update.run(json, labels.title, labels.titleFold, labels.contactRef, t.id)
      changed.push(t.id)
    }
    return changed
  }
}
