// mDNS discovery of phones (PROTOCOL.md §3) with bonjour-service. What it finds is a hint: an
// address to try and, while pairing, a pairing tag. Identity always comes from the handshake.
import { EventEmitter } from 'node:events'
import { isIPv4 } from 'node:net'
import { Bonjour, type Browser, type Service, type ServiceConfig } from 'bonjour-service'
import {
  parseTxt,
  SERVICE_PROTOCOL,
  SERVICE_TYPE,
  type PhoneAdvert,
} from '../../../shared/protocol'
import type { Logger } from '../log'

export interface SeenPhone extends PhoneAdvert {
  readonly host: string
  readonly port: number
  readonly seenAt: number
}

export interface DiscoveryEvents {
  change: [phones: readonly SeenPhone[]]
}

/** A source of seen phones: mDNS in production, a fixed list in the demo. */
export interface PhoneFinder extends EventEmitter<DiscoveryEvents> {
  start(): void
  stop(): void
  phones(): readonly SeenPhone[]
}

export class MdnsDiscovery extends EventEmitter<DiscoveryEvents> implements PhoneFinder {
  private bonjour: Bonjour | null = null
  private browser: Browser | null = null
  private readonly seen = new Map<string, SeenPhone>()

  constructor(
    private readonly log: Logger,
    private readonly options: { readonly interface?: string } = {},
  ) {
    super()
  }

  start(): void {
    if (this.bonjour !== null) return
    // bonjour-service passes these options to multicast-dns (which takes `interface`), though
    // its typings describe them as a ServiceConfig.
    const mdnsOptions =
      this.options.interface === undefined ? {} : { interface: this.options.interface }
    this.bonjour = new Bonjour(mdnsOptions as Partial<ServiceConfig>, (error: unknown) => {
      this.log.log('warn', 'discovery.error', {
        error: error instanceof Error ? error.message : 'mdns',
      })
    })
    this.browser = this.bonjour.find({ type: SERVICE_TYPE, protocol: SERVICE_PROTOCOL })
    this.browser.on('up', (service: Service) => {
      this.update(service)
    })
    this.browser.on('txt-update', (service: Service) => {
      this.update(service)
    })
    this.browser.on('down', (service: Service) => {
      this.seen.delete(service.fqdn)
      this.emit('change', this.phones())
    })
  }

  stop(): void {
    this.browser?.stop()
    this.bonjour?.destroy()
    this.browser = null
    this.bonjour = null
  }

  /** Ask the network again (after a network change, or when the user presses "search again"). */
  refresh(): void {
    this.browser?.update()
  }

  phones(): readonly SeenPhone[] {
    return [...this.seen.values()]
  }

  private update(service: Service): void {
    const advert = parseTxt(stringTxt(service.txt))
    // Prefer an IPv4 address from the answer's A records; some responders (JmDNS among them)
    // answer without them, and a *.local name needs an mDNS resolver the OS may not have, so
    // the address the answer came from is the next best hint (identity comes from the handshake).
    const host =
      service.addresses?.find(isIPv4) ??
      service.addresses?.[0] ??
      service.referer?.address ??
      service.host
    if (advert === null || typeof service.port !== 'number') {
      this.log.log('debug', 'discovery.ignored', { name: service.name })
      return
    }
    this.seen.set(service.fqdn, { ...advert, host, port: service.port, seenAt: Date.now() })
    this.emit('change', this.phones())
  }
}

/** bonjour-service may hand TXT values over as Buffers; the record format is ASCII. */
function stringTxt(txt: unknown): Record<string, unknown> {
  if (typeof txt !== 'object' || txt === null) return {}
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(txt as Record<string, unknown>)) {
    out[k] = Buffer.isBuffer(v) ? v.toString('ascii') : v
  }
  return out
}

/** A fixed list of phones (the demo's loopback phone, or addresses the user typed). */
export class StaticFinder extends EventEmitter<DiscoveryEvents> implements PhoneFinder {
  private list: SeenPhone[] = []
  start(): void {
    this.emit('change', this.list)
  }
  stop(): void {
    this.list = []
  }
  phones(): readonly SeenPhone[] {
    return this.list
  }
  set(phones: SeenPhone[]): void {
    this.list = phones
    this.emit('change', this.list)
  }
}
