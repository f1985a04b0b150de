// Two hosts on a private link, made of network namespaces and a veth pair: tests
// that use mDNS run only inside namespaces they create, never on the host's real interfaces.
// Needs root and iproute2; `lanAvailable()` says why not when it cannot work.
import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { randomBytes } from 'node:crypto'

export interface LanHost {
  readonly ns: string
  readonly ip: string
  readonly dev: string
}

export interface Lan {
  readonly a: LanHost
  readonly b: LanHost
  /** Runs a command inside a host's namespace. */
  spawn(
    host: LanHost,
    command: string,
    args: readonly string[],
    options?: SpawnOptions,
  ): ChildProcess
  /** Cuts the link (both ends down) or restores it: a network partition. */
  setLink(up: boolean): void
  destroy(): void
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'pipe' })
}

/** Null when namespaces can be made here, else the reason to skip. */
export function lanAvailable(): string | null {
  if (process.platform !== 'linux') return 'network namespaces need Linux'
  if (process.getuid?.() !== 0) return 'network namespaces need root'
  const probe = `tbprobe${randomBytes(3).toString('hex')}`
  try {
    ip('netns', 'add', probe)
    ip('netns', 'del', probe)
    return null
  } catch (e) {
    return `ip netns unavailable: ${e instanceof Error ? e.message.split('\n')[0] : 'error'}`
  }
}

export function createLan(): Lan {
  const id = randomBytes(3).toString('hex')
  const a: LanHost = { ns: `tb${id}a`, ip: '10.77.0.1', dev: `tb${id}a0` }
  const b: LanHost = { ns: `tb${id}b`, ip: '10.77.0.2', dev: `tb${id}b0` }
  const created: string[] = []
  try {
    for (const host of [a, b]) {
      ip('netns', 'add', host.ns)
      created.push(host.ns)
    }
    ip('link', 'add', a.dev, 'type', 'veth', 'peer', 'name', b.dev)
    for (const host of [a, b]) {
      ip('link', 'set', host.dev, 'netns', host.ns)
      ip('-n', host.ns, 'addr', 'add', `${host.ip}/24`, 'dev', host.dev)
      ip('-n', host.ns, 'link', 'set', 'lo', 'up')
      ip('-n', host.ns, 'link', 'set', host.dev, 'up', 'multicast', 'on')
      // mDNS goes to 224.0.0.251: route multicast out of the link (there is no default route).
      ip('-n', host.ns, 'route', 'add', '224.0.0.0/4', 'dev', host.dev)
    }
  } catch (e) {
    for (const ns of created) tryIp('netns', 'del', ns)
    throw e
  }
  return {
    a,
    b,
    spawn(host, command, args, options = {}) {
      return spawn('ip', ['netns', 'exec', host.ns, command, ...args], {
        stdio: 'pipe',
        ...options,
      })
    },
    setLink(up) {
      for (const host of [a, b]) ip('-n', host.ns, 'link', 'set', host.dev, up ? 'up' : 'down')
      if (up)
        for (const host of [a, b])
          tryIp('-n', host.ns, 'route', 'replace', '224.0.0.0/4', 'dev', host.dev)
    },
    destroy() {
      for (const host of [a, b]) tryIp('netns', 'del', host.ns)
    },
  }
}

function tryIp(...args: string[]): void {
  try {
    ip(...args)
  } catch {
    // Already gone (the veth disappears with its namespace).
  }
}
