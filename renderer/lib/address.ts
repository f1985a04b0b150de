// "Connect by address": what a person types ("192.168.1.20", "pixel.local:47800", "[fe80::1]")
// into the host and port the contract wants, defaulting to the phone's standard port.
import { DEFAULT_PHONE_PORT } from '../../shared/api'

export interface HostPort {
  readonly host: string
  readonly port: number
}

export function parseHostPort(text: string): HostPort | null {
  const trimmed = text.trim()
  if (trimmed.length === 0 || trimmed.length > 255 || /[\s/@?#]/u.test(trimmed)) return null
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/u.exec(trimmed)
  if (bracketed !== null) return withPort(bracketed[1] ?? '', bracketed[2])
  const colons = trimmed.split(':').length - 1
  if (colons > 1) return withPort(trimmed, undefined) // a bare IPv6 address
  const [host = '', port] = trimmed.split(':')
  if (!/^[A-Za-z0-9.-]+$/u.test(host)) return null
  return withPort(host, port)
}

function withPort(host: string, port: string | undefined): HostPort | null {
  if (host.length === 0) return null
  if (port === undefined) return { host, port: DEFAULT_PHONE_PORT }
  const n = Number(port)
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? { host, port: n } : null
}

/** Phone numbers as people type them: digits with optional +, spaces, dashes, dots, brackets. */
export function looksLikePhoneNumber(text: string): boolean {
  const t = text.trim()
  return /^\+?[\d\s().-]{3,30}$/u.test(t) && /\d{3}/u.test(t.replace(/\D/gu, ''))
}
