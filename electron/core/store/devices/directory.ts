// The devices table as the other repositories see it: a phone's instance id mapped to the small
// integer key the tables use, with its number context and SIM list, cached per connection.
import { z } from 'zod'
import { simSchema } from '../../../../shared/protocol/messages/catalogue'
import type { SimInfo } from '../../../../shared/protocol/messages/catalogue'
import type { SimRef } from '../../../../shared/model/device'
import type { DeviceId } from '../../../../shared/model/ids'
import { simMmsLimit } from '../../../../shared/api/compose'
import type { StatementCache } from '../db/db'
import { NotFoundError } from '../errors'
import { parseJsonColumn } from '../db/json'
import { NumberContext, parseRegion } from '../text/numbers'

export const simList = z.array(simSchema).max(8)
/** The hello's own bound (PROTOCOL.md §9.1), re-checked when read back. */
export const capabilityList = z.array(z.string().min(1).max(32)).max(32)

export interface DeviceRow {
  key: number
  id: string
  name: string
  model: string | null
  public_key: Buffer
  region: string | null
  sims_json: string
  capabilities_json: string
  paired_at: number
  unpaired_at: number | null
  last_seen_at: number | null
  contacts_generation: number
}

/** What the other repositories need to know about a device, cached per connection. */
export interface DeviceContext {
  readonly key: number
  readonly id: DeviceId
  readonly numbers: NumberContext
  readonly sims: readonly SimInfo[]
  readonly contactsGeneration: number
}

export const SELECT_DEVICES = 'SELECT * FROM devices'

export class DeviceDirectory {
  private byId = new Map<DeviceId, DeviceContext>()
  private byKey = new Map<number, DeviceContext>()
  private reloads = 0

  constructor(private readonly sql: StatementCache) {
    this.reload()
  }

  /**
   * Counts reloads, so a reader on another connection can tell that the devices table changed
   * and reload its own copy.
   */
  get version(): number {
    return this.reloads
  }

  /** Re-reads the devices table; called after every write to it (devices are few). */
  reload(): void {
    this.reloads++
    this.byId = new Map()
    this.byKey = new Map()
    for (const row of this.sql.get<[], DeviceRow>(SELECT_DEVICES).all()) {
      const ctx: DeviceContext = {
        key: row.key,
        id: row.id,
        numbers: new NumberContext(parseRegion(row.region)),
        sims: parseJsonColumn(simList, row.sims_json, 'devices.sims_json'),
        contactsGeneration: row.contacts_generation,
      }
      this.byId.set(row.id, ctx)
      this.byKey.set(row.key, ctx)
    }
  }

  get(id: DeviceId): DeviceContext {
    const ctx = this.byId.get(id)
    if (ctx === undefined) throw new NotFoundError('device', 'no such device')
    return ctx
  }

  byRowKey(key: number): DeviceContext {
    const ctx = this.byKey.get(key)
    if (ctx === undefined) throw new NotFoundError('device', 'no such device key')
    return ctx
  }

  all(): readonly DeviceContext[] {
    return [...this.byId.values()]
  }

  /** The SIM a message used, labelled from the device's SIM list when the phone reported it. */
  simRef(ctx: DeviceContext, subId: number | null): SimRef | null {
    if (subId === null) return null
    const sim = ctx.sims.find((s) => s.subId === subId)
    return {
      subId,
      slot: sim?.slot ?? null,
      label: sim?.label ?? null,
      mmsMaxBytes: simMmsLimit(sim),
    }
  }
}
