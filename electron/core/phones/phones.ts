// Every paired phone's connection, the status the UI shows, and the events that follow from
// what sync writes into the archive.
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import type { KeyPair } from '../../../shared/crypto/primitives'
import type { DeviceStatus, Status } from '../../../shared/api/status'
import type { PhoneFinder } from '../discovery/discovery'
import type { Logger } from '../log'
import type { Dialled, DialOptions } from '../net/dial'
import type { HelloBody, PeerSession } from '../net/session'
import type { NewPairing } from '../pairing/pairing-flow'
import { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff'
import { DeviceConnection } from './device-connection'
import type { RemoteArchive } from '../archive/surface'
import { ChangeEvents } from '../events/change-events'
import type { EventHub } from '../events/event-hub'
import type { Settings } from '../settings'

export interface PhonesDeps {
  readonly archive: RemoteArchive
  readonly settings: Settings
  readonly identity: KeyPair
  readonly hello: HelloBody
  readonly finder: PhoneFinder
  readonly dial: (options: DialOptions) => Promise<Dialled>
  readonly events: EventHub
  readonly log: Logger
  readonly now: () => number
  readonly reconnect?: BackoffOptions
}

const STATUS_COALESCE_MS = 100

export class Phones {
  private readonly connections = new Map<string, DeviceConnection>()
  private statusTimer: ReturnType<typeof setTimeout> | null = null
  private readonly changes: ChangeEvents

  constructor(private readonly deps: PhonesDeps) {
    this.changes = new ChangeEvents(deps.events, () => {
      this.statusChanged()
    })
  }

  /** Connects to every phone that is still paired. */
  async startAll(): Promise<void> {
    for (const device of await this.deps.archive.devices.list()) {
      if (device.unpairedAt !== null || this.connections.has(device.id)) continue
      const connection = await this.connect(device.id)
      connection.start()
    }
  }

  /** The archive's writer restarted: every connection starts over from what was committed. */
  async restartAll(): Promise<void> {
    for (const connection of this.connections.values()) connection.stop()
    this.connections.clear()
    await this.startAll()
  }

  stopAll(): void {
    for (const connection of this.connections.values()) connection.stop()
    this.connections.clear()
    if (this.statusTimer !== null) clearTimeout(this.statusTimer)
  }

  get(deviceId: string): DeviceConnection | undefined {
    return this.connections.get(deviceId)
  }

  /** Stores a new pairing; 'key_mismatch' if this phone id is pinned to another key. */
  async add(pairing: NewPairing, session: PeerSession): Promise<'ok' | 'key_mismatch'> {
    const { archive, settings, now } = this.deps
    const existing = (await archive.devices.list()).find((d) => d.id === pairing.deviceId)
    if (existing !== undefined && existing.unpairedAt === null) {
      // Still paired: the same key is this phone pairing again (its own record was lost), so
      // start over on the archive we keep; another key for the same phone id is refused and the
      // pinned key stays as it was, since a new key under a known id is what an impostor looks like.
      if (!sameKey(await archive.devices.pinnedKey(pairing.deviceId), pairing.staticKey))
        return 'key_mismatch'
      this.connections.get(pairing.deviceId)?.stop()
      this.connections.delete(pairing.deviceId)
      await archive.devices.markUnpaired(pairing.deviceId, now())
    }
    await archive.devices.add({
      id: pairing.deviceId,
      name: settings.nameFor(pairing.deviceId) ?? pairing.name,
      model: pairing.hello.device.model ?? null,
      publicKey: pairing.staticKey,
      region: regionOf(pairing.hello),
      sims: pairing.hello.sims ?? [],
      capabilities: pairing.hello.capabilities,
      pairedAt: now(),
    })
    settings.setAddress(pairing.deviceId, pairing.host, pairing.port)
    const connection = await this.connect(pairing.deviceId)
    connection.adopt(session)
    this.statusChanged()
    return 'ok'
  }

  async unpair(deviceId: string): Promise<void> {
    const connection = this.connections.get(deviceId)
    this.connections.delete(deviceId)
    await connection?.unpair()
    await this.markUnpaired(deviceId)
  }

  async status(): Promise<Status> {
    const [list, outbox] = await Promise.all([
      this.deps.archive.devices.list(),
      this.deps.archive.outbox.counts(),
    ])
    const devices: DeviceStatus[] = []
    for (const device of list) {
      const connection = this.connections.get(device.id)
      devices.push({
        deviceId: device.id,
        name: device.name,
        connection:
          connection?.state ??
          (device.unpairedAt === null
            ? { state: 'connecting' }
            : { state: 'unpaired', byPhone: false }),
        diagnostics: connection?.diagnostics ?? {
          seenOnNetwork: false,
          address: null,
          lastFailure: null,
          lastConnectedAt: device.lastSeenAt,
        },
      })
    }
    return { devices, outbox }
  }

  /** Coalesces bursts (sync progress) into at most one status event per interval. */
  statusChanged(): void {
    if (this.statusTimer !== null) return
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null
      this.status().then(
        (status) => {
          this.deps.events.emit({ type: 'status', status })
        },
        (e: unknown) => {
          this.failed('status', e)
        },
      )
    }, STATUS_COALESCE_MS)
    this.statusTimer.unref()
  }

  private async connect(deviceId: string): Promise<DeviceConnection> {
    const { archive, settings } = this.deps
    const [device, staticKey] = await Promise.all([
      archive.devices.get(deviceId),
      archive.devices.pinnedKey(deviceId),
    ])
    const connection = new DeviceConnection(
      {
        id: deviceId,
        name: device.name,
        staticKey,
        address: settings.addressOf(deviceId),
      },
      {
        identity: this.deps.identity,
        hello: this.deps.hello,
        finder: this.deps.finder,
        dial: this.deps.dial,
        sync: archive.sync,
        outbox: archive.outbox,
        changes: this.changes,
        log: this.deps.log.child({ device: deviceId.slice(0, 8) }),
        now: this.deps.now,
        onChange: () => {
          this.statusChanged()
        },
        onHello: (hello) => {
          // Made at once, so it is stored before the phone's first messages are.
          const info = archive.devices.updateInfo(deviceId, {
            // A name the user chose on this desktop wins over the phone's own.
            name: settings.nameFor(deviceId) ?? hello.device.name,
            model: hello.device.model ?? null,
            sims: hello.sims ?? [],
            // What it can send may change with an update of the phone's app.
            capabilities: hello.capabilities,
          })
          info.catch((e: unknown) => {
            this.failed('hello', e)
          })
        },
        onAddress: (host, port) => {
          settings.setAddress(deviceId, host, port)
          archive.devices.markSeen(deviceId, this.deps.now()).catch((e: unknown) => {
            this.failed('seen', e)
          })
        },
        onUnpaired: () => {
          this.connections.delete(deviceId)
          this.markUnpaired(deviceId).catch((e: unknown) => {
            this.failed('unpaired', e)
          })
        },
        backoff: new Backoff(this.deps.reconnect ?? DEFAULT_BACKOFF),
      },
    )
    this.connections.set(deviceId, connection)
    return connection
  }

  private failed(what: string, e: unknown): void {
    this.deps.log.log('warn', 'phones.archive_failed', {
      what,
      error: e instanceof Error ? e.name : 'error',
    })
  }

  private async markUnpaired(deviceId: string): Promise<void> {
    await this.deps.archive.devices.markUnpaired(deviceId, this.deps.now())
    this.deps.settings.forget(deviceId)
    this.statusChanged()
    this.deps.events.emit({ type: 'conversations', deviceId, ids: null })
  }
}

function sameKey(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}

/**
 * The region used to read national-format numbers ("07700 900123"): the phone's own country when
 * it says it, else the country of a SIM's number, else this desktop's locale.
 */
export function regionOf(hello: HelloBody): string | null {
  if (hello.device.region !== undefined) return hello.device.region
  for (const sim of hello.sims ?? []) {
    const country =
      sim.number === null ? undefined : parsePhoneNumberFromString(sim.number)?.country
    if (country !== undefined) return country
  }
  const locale = new Intl.Locale(Intl.DateTimeFormat().resolvedOptions().locale).maximize()
  return locale.region ?? null
}
