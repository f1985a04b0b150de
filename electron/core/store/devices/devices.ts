// Paired phones. Other repositories address a device by its instance id; the directory
// (directory.ts) maps it to the small integer key the tables use, and keeps each device's number
// context and SIM list. This module writes the devices table.
import type { SimInfo } from '../../../../shared/protocol/messages/catalogue'
import { instanceId } from '../../../../shared/protocol/messages/common'
import type { Device } from '../../../../shared/model/device'
import type { DeviceId } from '../../../../shared/model/ids'
import type { Db, StatementCache } from '../db/db'
import { writeTx } from '../db/db'
import { InvalidInputError, NotFoundError } from '../errors'
import { parseJsonColumn } from '../db/json'
import { parseRegion } from '../text/numbers'
import { SELECT_DEVICES as SELECT, capabilityList, simList } from './directory'
import type { DeviceContext, DeviceDirectory, DeviceRow } from './directory'
import { sendingOf } from './sending'

export { DeviceDirectory } from './directory'
export type { DeviceContext } from './directory'

export interface DeviceHoldings {
  readonly deviceId: DeviceId
  readonly messages: number
  readonly conversations: number
  readonly imported: number
}

export interface NewDevice {
  readonly id: DeviceId
  readonly name: string
  readonly model: string | null
  readonly publicKey: Uint8Array
  /** ISO 3166-1 alpha-2; null when unknown (national numbers are then kept as digits). */
  readonly region: string | null
  readonly sims: readonly SimInfo[]
  /**
   * What the phone's hello listed (PROTOCOL.md §9.1); unknown ones are kept and ignored. None
   * for an archive made from a backup before any phone was paired.
   */
  readonly capabilities?: readonly string[]
  readonly pairedAt: number
}

export interface DeviceInfo {
  readonly name: string
  readonly model: string | null
  readonly sims: readonly SimInfo[]
  /** As the last hello listed them; absent keeps the stored ones (a rename on this desktop). */
  readonly capabilities?: readonly string[]
}

function toDevice(row: DeviceRow): Device {
  const sims = parseJsonColumn(simList, row.sims_json, 'devices.sims_json')
  const capabilities = parseJsonColumn(
    capabilityList,
    row.capabilities_json,
    'devices.capabilities_json',
  )
  return {
    id: row.id,
    name: row.name,
    model: row.model,
    region: row.region,
    sims,
    sending: sendingOf(capabilities, sims),
    pairedAt: row.paired_at,
    unpairedAt: row.unpaired_at,
    lastSeenAt: row.last_seen_at,
  }
}

export class DevicesRepository {
  constructor(
    private readonly db: Db,
    private readonly sql: StatementCache,
    private readonly directory: DeviceDirectory,
    private readonly removeArchive: (ctx: DeviceContext) => void,
  ) {}

  /**
   * Records a newly paired phone. Pairing again with a phone that was unpaired keeps its archive
   * and pins the new key; pairing a phone that is still paired is refused.
   */
  readonly add = (input: NewDevice): Device => {
    if (!instanceId.safeParse(input.id).success) throw new InvalidInputError('bad_device_id')
    if (input.publicKey.length !== 32) throw new InvalidInputError('bad_public_key')
    const region = parseRegion(input.region)
    const sims = simList.parse(input.sims)
    const capabilities = JSON.stringify(capabilityList.parse(input.capabilities ?? []))
    writeTx(this.db, () => {
      const existing = this.sql.get<[string], DeviceRow>(`${SELECT} WHERE id = ?`).get(input.id)
      if (existing !== undefined && existing.unpaired_at === null) {
        throw new InvalidInputError('device_exists', 'this phone is already paired')
      }
      if (existing === undefined) {
        this.sql
          .get<unknown[]>(
            `INSERT INTO devices (id, name, model, public_key, region, sims_json,
               capabilities_json, paired_at, unpaired_at, last_seen_at, contacts_generation)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 0)`,
          )
          .run(
            input.id,
            input.name,
            input.model,
            Buffer.from(input.publicKey),
            region,
            JSON.stringify(sims),
            capabilities,
            input.pairedAt,
          )
        this.sql
          .get<[string]>(
            `INSERT INTO sync_state (device_key, recent_done, history_started, history_done,
               history_received)
             SELECT key, 0, 0, 0, 0 FROM devices WHERE id = ?`,
          )
          .run(input.id)
      } else {
        // Re-pairing keeps the region: changing it would re-key every conversation.
        this.sql
          .get<unknown[]>(
            `UPDATE devices SET name = ?, model = ?, public_key = ?, sims_json = ?,
               capabilities_json = ?, paired_at = ?, unpaired_at = NULL WHERE id = ?`,
          )
          .run(
            input.name,
            input.model,
            Buffer.from(input.publicKey),
            JSON.stringify(sims),
            capabilities,
            input.pairedAt,
            input.id,
          )
      }
    })()
    this.directory.reload()
    return this.get(input.id)
  }

  readonly get = (id: DeviceId): Device => {
    const row = this.sql.get<[string], DeviceRow>(`${SELECT} WHERE id = ?`).get(id)
    if (row === undefined) throw new NotFoundError('device', 'no such device')
    return toDevice(row)
  }

  readonly list = (): Device[] =>
    this.sql.get<[], DeviceRow>(`${SELECT} ORDER BY paired_at, key`).all().map(toDevice)

  /**
   * How much each device's archive holds, from the threads' own counts and the imported-key
   * index, so this stays a few index reads even for millions of texts.
   */
  readonly holdings = (): DeviceHoldings[] =>
    this.sql
      .get<[], DeviceHoldings>(
        `SELECT d.id AS deviceId,
           coalesce((SELECT sum(message_count) FROM threads t WHERE t.device_key = d.key), 0)
             AS messages,
           (SELECT count(*) FROM threads t WHERE t.device_key = d.key AND t.message_count > 0)
             AS conversations,
           (SELECT count(*) FROM messages m WHERE m.device_key = d.key
              AND m.import_key IS NOT NULL) AS imported
         FROM devices d ORDER BY d.paired_at, d.key`,
      )
      .all()

  /** The phone's static public key pinned at pairing (PROTOCOL.md §5.4). */
  readonly pinnedKey = (id: DeviceId): Uint8Array => {
    const row = this.sql.get<[string], DeviceRow>(`${SELECT} WHERE id = ?`).get(id)
    if (row === undefined || row.unpaired_at !== null) {
      throw new NotFoundError('device', 'no paired device with this id')
    }
    return new Uint8Array(row.public_key)
  }

  /** Name, model, SIM list and capabilities as the phone's `hello` reports them. */
  readonly updateInfo = (id: DeviceId, info: DeviceInfo): Device => {
    const sims = simList.parse(info.sims)
    const capabilities =
      info.capabilities === undefined
        ? null
        : JSON.stringify(capabilityList.parse(info.capabilities))
    this.changeOne(
      `UPDATE devices SET name = ?, model = ?, sims_json = ?,
         capabilities_json = coalesce(?, capabilities_json)
       WHERE id = ?`,
      [info.name, info.model, JSON.stringify(sims), capabilities, id],
    )
    this.directory.reload()
    return this.get(id)
  }

  readonly markSeen = (id: DeviceId, at: number): void => {
    this.changeOne('UPDATE devices SET last_seen_at = ? WHERE id = ?', [at, id])
  }

  /** Unpairing forgets the key's trust but keeps the archive (PROTOCOL.md §9.12). */
  readonly markUnpaired = (id: DeviceId, at: number): void => {
    this.changeOne('UPDATE devices SET unpaired_at = ? WHERE id = ?', [at, id])
  }

  /** Deletes the device and every row of its archive. */
  readonly remove = (id: DeviceId): void => {
    this.removeArchive(this.directory.get(id))
    this.directory.reload()
  }

  private changeOne(sql: string, params: unknown[]): void {
    const { changes } = this.sql.get<unknown[]>(sql).run(...params)
    if (changes !== 1) throw new NotFoundError('device', 'no such device')
  }
}

/** The address book generation now in force for a device (the contacts module swaps them). */
export function setContactsGeneration(
  sql: StatementCache,
  deviceKey: number,
  generation: number,
): void {
  sql
    .get<[number, number]>('UPDATE devices SET contacts_generation = ? WHERE key = ?')
    .run(generation, deviceKey)
}
