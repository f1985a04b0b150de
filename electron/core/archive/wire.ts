// The messages between the core and its archive threads, and how errors cross: by name and
// code, rebuilt on this side as the same typed errors, so callers (the API's error mapping, the
// outbox) can still tell "no such conversation" from a bug.
import {
  ArchiveOpenError,
  CorruptRowError,
  InvalidInputError,
  NotFoundError,
  OutboxStateError,
} from '../store/errors'
import type { Namespace } from './surface'

export type Role = 'writer' | 'reader'

export const JOB_NAMES = ['import', 'export'] as const
export type JobName = (typeof JOB_NAMES)[number]

export interface WorkerConfig {
  readonly path: string
  readonly role: Role
}

export type Request =
  | {
      readonly kind: 'call'
      readonly id: number
      /** The core's clock at the call, so stored times follow the clock tests inject. */
      readonly now: number
      readonly ns: Namespace
      readonly method: string
      readonly args: readonly unknown[]
    }
  /** A long task (an import, an export) that reports progress and can be cancelled. */
  | {
      readonly kind: 'job'
      readonly id: number
      readonly now: number
      readonly job: JobName
      readonly args: unknown
    }
  | { readonly kind: 'cancel'; readonly job: number }
  | { readonly kind: 'reloadDevices'; readonly id: number }
  /** A reader opens the file once the writer has migrated it. */
  | { readonly kind: 'open' }
  | { readonly kind: 'close'; readonly id: number }

export interface WireError {
  readonly name: string
  readonly code: string | null
  readonly message: string
}

export type Reply =
  | { readonly kind: 'ready'; readonly schemaVersion: number }
  | { readonly kind: 'openFailed'; readonly error: WireError }
  | {
      readonly kind: 'done'
      readonly id: number
      readonly value: unknown
      /** The writer's devices version after the call; readers reload when it moved. */
      readonly devicesVersion: number
    }
  | { readonly kind: 'failed'; readonly id: number; readonly error: WireError }
  | { readonly kind: 'progress'; readonly id: number; readonly value: unknown }

export function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', code: null, message: String(error) }
  const code = (error as { code?: unknown }).code
  return { name: error.name, code: typeof code === 'string' ? code : null, message: error.message }
}

type Rebuild = (code: never, message: string) => Error
const TYPED: Readonly<Record<string, Rebuild>> = {
  ArchiveOpenError: (c, m) => new ArchiveOpenError(c, m),
  NotFoundError: (c, m) => new NotFoundError(c, m),
  InvalidInputError: (c, m) => new InvalidInputError(c, m),
  OutboxStateError: (c, m) => new OutboxStateError(c, m),
  CorruptRowError: (c, m) => new CorruptRowError(c, m),
}

export function fromWire(wire: WireError): Error {
  const rebuild = TYPED[wire.name]
  if (rebuild !== undefined && wire.code !== null) return rebuild(wire.code as never, wire.message)
  const error = new Error(wire.message)
  error.name = wire.name
  return error
}
