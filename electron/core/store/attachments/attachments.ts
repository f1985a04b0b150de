// MMS parts: metadata arrives with the message; bytes are fetched from the phone on demand
// (PROTOCOL.md §9.10) and cached here once complete.
import type { DeviceId, MessageId } from '../../../../shared/model/ids'
import type { AttachmentMeta } from '../../../../shared/model/message'
import type { StatementCache } from '../db/db'
import type { DeviceDirectory } from '../devices/devices'
import { InvalidInputError, NotFoundError } from '../errors'

interface PartRow {
  id: number
  part_id: string
  mime: string
  size: number | null
  name: string | null
  cached: number
}

export class AttachmentsRepository {
  constructor(
    private readonly sql: StatementCache,
    private readonly devices: DeviceDirectory,
    private readonly clock: () => number,
  ) {}

  readonly forMessage = (messageId: MessageId): AttachmentMeta[] =>
    this.sql
      .get<[number], PartRow>(
        `SELECT a.id, a.part_id, a.mime, a.size, a.name, (d.attachment_id IS NOT NULL) AS cached
         FROM attachments a LEFT JOIN attachment_data d ON d.attachment_id = a.id
         WHERE a.message_id = ? ORDER BY a.seq`,
      )
      .all(messageId)
      .map((r) => ({
        partId: r.part_id,
        mime: r.mime,
        size: r.size,
        name: r.name,
        cached: r.cached === 1,
      }))

  /** Caches a part's complete bytes. A size the phone announced must match. */
  readonly storeBytes = (deviceId: DeviceId, partId: string, bytes: Uint8Array): void => {
    const part = this.part(deviceId, partId)
    if (part.size !== null && part.size !== bytes.length) {
      throw new InvalidInputError('bad_attachment', 'byte count differs from the part size')
    }
    this.sql
      .get<[number, number, Buffer, number]>(
        `INSERT INTO attachment_data (attachment_id, device_key, bytes, fetched_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (attachment_id) DO UPDATE SET bytes = excluded.bytes, fetched_at = excluded.fetched_at`,
      )
      .run(part.id, this.devices.get(deviceId).key, Buffer.from(bytes), this.clock())
  }

  /** The cached bytes, or null when they have not been fetched yet. */
  readonly bytes = (deviceId: DeviceId, partId: string): Uint8Array | null => {
    const part = this.part(deviceId, partId)
    const row = this.sql
      .get<[number], { bytes: Buffer }>('SELECT bytes FROM attachment_data WHERE attachment_id = ?')
      .get(part.id)
    return row === undefined ? null : new Uint8Array(row.bytes)
  }

  private part(deviceId: DeviceId, partId: string): { id: number; size: number | null } {
    const row = this.sql
      .get<[number, string], { id: number; size: number | null }>(
        'SELECT id, size FROM attachments WHERE device_key = ? AND part_id = ?',
      )
      .get(this.devices.get(deviceId).key, partId)
    if (row === undefined) throw new NotFoundError('attachment', 'no such part')
    return row
  }
}
