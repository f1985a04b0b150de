// What the core sees of the archive now that it lives in worker threads: the same repositories,
// with every method returning a promise. Reads go to a reader thread on its own WAL connection,
// so a long write (a back-fill batch, the search index rebuild) never holds up a list or a search;
// everything else goes, in the order it was called, to the one writer thread.
import type { Archive } from '../store'

export const NAMESPACES = [
  'devices',
  'imports',
  'sync',
  'conversations',
  'messages',
  'contacts',
  'outbox',
  'attachments',
  'search',
  'searchIndex',
] as const
export type Namespace = (typeof NAMESPACES)[number]

type Fn = (...args: never[]) => unknown
type MethodNames<T> = { [K in keyof T]: T[K] extends Fn ? K : never }[keyof T] & string

/** A repository seen from another thread: its methods, each answering with a promise. */
export type Remote<T> = {
  readonly [K in MethodNames<T>]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never
}

export type RemoteArchive = { readonly [N in Namespace]: Remote<Archive[N]> }

type ReadTable = { readonly [N in Namespace]: readonly MethodNames<Archive[N]>[] }

/**
 * The methods that only read, for the window. They run on a reader connection, which SQLite
 * keeps from writing (query_only), so a method listed here by mistake fails in tests instead of
 * racing. Reads that must see the caller's own writes even before those were awaited (the sync
 * position, the outbox queue the dispatcher walks) stay on the writer, behind those writes.
 */
export const READS: ReadTable = {
  devices: ['get', 'list', 'pinnedKey', 'holdings'],
  imports: ['list'],
  sync: [],
  conversations: ['list', 'get', 'byIds', 'find', 'unreadTotal'],
  messages: ['get', 'page', 'around'],
  contacts: ['list', 'photo'],
  outbox: ['get', 'byKey', 'list', 'counts'],
  attachments: ['forMessage', 'bytes'],
  search: ['query'],
  // check() runs FTS5's integrity-check command, which SQLite counts as a write.
  searchIndex: ['state', 'isDirty'],
}

export function isNamespace(value: unknown): value is Namespace {
  return typeof value === 'string' && (NAMESPACES as readonly string[]).includes(value)
}

export function isRead(ns: Namespace, method: string): boolean {
  return (READS[ns] as readonly string[]).includes(method)
}
