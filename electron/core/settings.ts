// The few things the desktop keeps outside the archive: its own instance id, names the user gave
// phones, and the last address each phone answered on (for networks without mDNS). A small JSON
// file, validated on read and replaced atomically on write.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { toHex } from '../../shared/bytes'
import { randomBytes } from '../../shared/crypto/primitives'
import { instanceId } from '../../shared/protocol/messages/common'
import type { Logger } from './log'

const address = z.object({ host: z.string().min(1).max(255), port: z.int().min(1).max(65535) })
const schema = z.object({
  version: z.literal(1),
  desktopId: instanceId,
  names: z.record(instanceId, z.string().min(1).max(64)),
  addresses: z.record(instanceId, address),
})
export type SettingsData = z.infer<typeof schema>

export class Settings {
  private data: SettingsData

  constructor(
    private readonly path: string,
    log: Logger,
  ) {
    this.data = load(path, log)
    this.save()
  }

  get desktopId(): string {
    return this.data.desktopId
  }

  nameFor(deviceId: string): string | null {
    return this.data.names[deviceId] ?? null
  }

  setName(deviceId: string, name: string): void {
    this.data.names[deviceId] = name
    this.save()
  }

  addressOf(deviceId: string): { host: string; port: number } | null {
    return this.data.addresses[deviceId] ?? null
  }

  setAddress(deviceId: string, host: string, port: number): void {
    const known = this.data.addresses[deviceId]
    if (known?.host === host && known.port === port) return
    this.data.addresses[deviceId] = { host, port }
    this.save()
  }

  forget(deviceId: string): void {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- keyed by validated device id
    delete this.data.addresses[deviceId]
    this.save()
  }

  private save(): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 })
    const temp = `${this.path}.tmp`
    writeFileSync(temp, JSON.stringify(this.data, null, 2), { mode: 0o600 })
    renameSync(temp, this.path)
  }
}

function load(path: string, log: Logger): SettingsData {
  let text: string | null = null
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
  if (text !== null) {
    const parsed = schema.safeParse(safeJson(text))
    if (parsed.success) return parsed.data
    // A damaged settings file loses names and addresses, never pairings (those are in the
    // archive): start fresh but say so.
    log.log('warn', 'settings.unreadable', { path })
  }
  return { version: 1, desktopId: toHex(randomBytes(16)), names: {}, addresses: {} }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
