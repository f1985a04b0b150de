// The phone's address book, replaced wholesale per device (the phone sends it in pages,
// PROTOCOL.md §9.8). Pages are staged as the next generation and swapped in by commit, so a
// replace cut short by a crash or a disconnect never leaves half an address book behind.
import type { ContactSummary, ContactNumberType } from '../../../../shared/model/contact'
import type { ConversationId, DeviceId } from '../../../../shared/model/ids'
import type { Contact } from '../../../../shared/protocol/messages/catalogue'
import type { Db, StatementCache } from '../db/db'
import { writeTx } from '../db/db'
import type { DeviceContext, DeviceDirectory } from '../devices/devices'
import { setContactsGeneration } from '../devices/devices'
import { markContactsSynced } from '../sync/sync'
import { InvalidInputError, NotFoundError } from '../errors'
import { enumColumn } from '../db/json'
import { fold } from '../text/text'
import type { TitleResolver } from '../conversations/titles'

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const NUMBER_TYPES: readonly ContactNumberType[] = ['mobile', 'home', 'work', 'other']

export interface PageResult {
  readonly stored: number
  /** Photos that were not valid base64 and were left out (the contact itself is kept). */
  readonly photosRejected: number
}

export interface CommitResult {
  readonly contacts: number
  /** Conversations whose title or participant names changed. */
  readonly retitled: readonly ConversationId[]
}

export interface ContactsReplacement {
  addPage(contacts: readonly Contact[]): PageResult
  commit(): CommitResult
  abort(): void
}

interface ContactRow {
  id: number
  phone_contact_id: string
  name: string
  has_photo: number
}

export class ContactsRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: StatementCache,
    private readonly devices: DeviceDirectory,
    private readonly titles: TitleResolver,
    private readonly clock: () => number,
  ) {}

  readonly beginReplace = (deviceId: DeviceId): ContactsReplacement => {
    const ctx = this.devices.get(deviceId)
    const pending = ctx.contactsGeneration + 1
    this.discardStaged(ctx)
    let open = true
    const ensureOpen = (): void => {
      if (!open) throw new InvalidInputError('replace_finished')
    }
    return {
      addPage: (contacts) => {
        ensureOpen()
        return writeTx(this.db, () => this.stage(ctx, pending, contacts))()
      },
      commit: () => {
        ensureOpen()
        open = false
        const result = writeTx(this.db, () => this.swap(ctx, pending))()
        this.devices.reload()
        return result
      },
      abort: () => {
        ensureOpen()
        open = false
        this.discardStaged(ctx)
      },
    }
  }

  /** One-shot replace for a complete list. */
  readonly replaceAll = (deviceId: DeviceId, contacts: readonly Contact[]): CommitResult => {
    const r = this.beginReplace(deviceId)
    r.addPage(contacts)
    return r.commit()
  }

  /** The device's contacts by name; `query` filters by a case- and accent-insensitive part. */
  readonly list = (deviceId: DeviceId, query: string | null, limit: number): ContactSummary[] => {
    const ctx = this.devices.get(deviceId)
    const rows = this.sql
      .get<
        [{ device: number; generation: number; query: string | null; limit: number }],
        ContactRow
      >(
        `SELECT id, phone_contact_id, name, photo IS NOT NULL AS has_photo FROM contacts
         WHERE device_key = @device AND generation = @generation
           AND (@query IS NULL OR instr(name_fold, @query) > 0)
         ORDER BY name_fold, id LIMIT @limit`,
      )
      .all({
        device: ctx.key,
        generation: ctx.contactsGeneration,
        query: query === null ? null : fold(query),
        limit,
      })
    const numbers = this.sql.get<
      [number],
      { raw: string; number_key: string; type: string; label: string | null }
    >('SELECT raw, number_key, type, label FROM contact_numbers WHERE contact_id = ? ORDER BY seq')
    return rows.map((r) => ({
      deviceId,
      id: r.phone_contact_id,
      name: r.name,
      hasPhoto: r.has_photo === 1,
      numbers: numbers.all(r.id).map((n) => ({
        raw: n.raw,
        key: n.number_key,
        type: enumColumn(NUMBER_TYPES, n.type, 'contact_numbers.type'),
        label: n.label,
      })),
    }))
  }

  readonly photo = (deviceId: DeviceId, contactId: string): Uint8Array | null => {
    const ctx = this.devices.get(deviceId)
    const row = this.sql
      .get<[number, number, string], { photo: Buffer | null }>(
        'SELECT photo FROM contacts WHERE device_key = ? AND generation = ? AND phone_contact_id = ?',
      )
      .get(ctx.key, ctx.contactsGeneration, contactId)
    if (row === undefined) throw new NotFoundError('contact', 'no such contact')
    return row.photo === null ? null : new Uint8Array(row.photo)
  }

  private discardStaged(ctx: DeviceContext): void {
    // Rows above the current generation are a replace that never committed.
    writeTx(this.db, () => {
      this.sql
        .get<[number, number]>('DELETE FROM contacts WHERE device_key = ? AND generation > ?')
        .run(ctx.key, ctx.contactsGeneration)
    })()
  }

  private stage(ctx: DeviceContext, generation: number, contacts: readonly Contact[]): PageResult {
    let photosRejected = 0
    const insert = this.sql.get<unknown[], { id: number }>(
      `INSERT INTO contacts (device_key, generation, phone_contact_id, name, name_fold, photo)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (device_key, generation, phone_contact_id) DO UPDATE SET name = excluded.name,
         name_fold = excluded.name_fold, photo = excluded.photo
       RETURNING id`,
    )
    const clear = this.sql.get<[number]>('DELETE FROM contact_numbers WHERE contact_id = ?')
    const addNumber = this.sql.get<unknown[]>(
      `INSERT INTO contact_numbers (contact_id, device_key, generation, seq, raw, number_key, type, label)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const c of contacts) {
      let photo: Buffer | null = null
      if (c.photo !== null) {
        if (BASE64.test(c.photo)) photo = Buffer.from(c.photo, 'base64')
        else photosRejected += 1
      }
      const row = insert.get(ctx.key, generation, c.id, c.name, fold(c.name), photo)
      if (row === undefined) throw new Error('INSERT ... RETURNING gave no row')
      clear.run(row.id)
      c.numbers.forEach((n, seq) => {
        const key = ctx.numbers.normalize(n.number).key
        addNumber.run(row.id, ctx.key, generation, seq, n.number, key, n.type, n.label)
      })
    }
    return { stored: contacts.length, photosRejected }
  }

  private swap(ctx: DeviceContext, generation: number): CommitResult {
    setContactsGeneration(this.sql, ctx.key, generation)
    this.sql
      .get<[number, number]>('DELETE FROM contacts WHERE device_key = ? AND generation < ?')
      .run(ctx.key, generation)
    markContactsSynced(this.sql, ctx.key, this.clock())
    const count = this.sql
      .get<[number, number], { n: number }>(
        'SELECT count(*) AS n FROM contacts WHERE device_key = ? AND generation = ?',
      )
      .get(ctx.key, generation)
    if (count === undefined) throw new Error('count(*) returned no row')
    return { contacts: count.n, retitled: this.titles.retitleDevice(ctx, generation) }
  }
}
