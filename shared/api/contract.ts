// The one contract between the UI and the desktop core, so both hosts expose the same surface: every use
// case with the schema its argument must satisfy and the type it returns. The Electron preload
// and the web-mode bridge are both derived from this object, and both hosts validate every
// argument with these schemas before the core sees it.
import { z } from 'zod'
import { address, displayName } from '../protocol/messages/common'
import type { ContactSummary } from '../model/contact'
import type { ArchivedMessage } from '../model/message'
import type { Conversation } from '../model/conversation'
import { cursorSchema } from '../model/cursor'
import type { Device } from '../model/device'
import { deviceIdSchema, rowIdSchema } from '../model/ids'
import type { Page } from '../model/page'
import { searchQuerySchema, type SearchPage } from '../model/search'
import {
  MAX_IMPORT_BYTES,
  exportRequestSchema,
  type DownloadChunk,
  type ExportDone,
  UPLOAD_CHUNK_BYTES,
  deleteTargetSchema,
  uploadIdSchema,
  type DataInfo,
} from './data'
import {
  MAX_SEND_ATTACHMENTS,
  stageChunkSchema,
  stageIdSchema,
  stageRequestSchema,
  type StagedProgress,
} from './compose'
import type { PairingView } from './pairing'
import type { Status } from './status'

/** A method: the schema of its argument, and (as a type only) what it returns. */
export interface Method<A extends z.ZodType, R> {
  readonly args: A
  /** Type-level only: boxed so that a method returning null keeps null in its type. */
  readonly result?: { readonly value: R }
}
const method =
  <R>() =>
  <A extends z.ZodType>(args: A): Method<A, R> => ({ args })

const none = z.object({}).strict()
/** The port the companion listens on when the user types an address without one. */
export { DEFAULT_PHONE_PORT } from '../protocol/constants'

const hostPort = { host: z.string().min(1).max(255), port: z.int().min(1).max(65535) }
const pageArgs = { cursor: cursorSchema.optional(), limit: z.int().min(1).max(500) }
export const MAX_SEND_BODY = 5000

export interface AppInfo {
  readonly version: string
  readonly host: 'electron' | 'web'
  readonly demo: boolean
  readonly keyProtection: 'os-keychain' | 'plaintext-file'
  readonly keyWarning: string | null
}

export interface Attachment {
  readonly mime: string
  /** Standard base64 of the part's bytes. */
  readonly data: string
}

export const contract = {
  'app.info': method<AppInfo>()(none),
  'status.get': method<Status>()(none),

  'pairing.get': method<PairingView>()(none),
  'pairing.start': method<PairingView>()(none),
  'pairing.cancel': method<PairingView>()(none),
  'pairing.connectTo': method<PairingView>()(z.object(hostPort).strict()),

  'devices.list': method<readonly Device[]>()(none),
  'devices.rename': method<Device>()(
    z.object({ deviceId: deviceIdSchema, name: displayName }).strict(),
  ),
  'devices.unpair': method<Device>()(z.object({ deviceId: deviceIdSchema }).strict()),
  'devices.connectTo': method<null>()(z.object({ deviceId: deviceIdSchema, ...hostPort }).strict()),

  'conversations.list': method<Page<Conversation>>()(
    z.object({ deviceId: deviceIdSchema.optional(), ...pageArgs }).strict(),
  ),
  'conversations.get': method<Conversation>()(z.object({ conversationId: rowIdSchema }).strict()),
  'conversations.markRead': method<null>()(z.object({ conversationId: rowIdSchema }).strict()),
  'conversations.findByAddress': method<Conversation | null>()(
    z.object({ deviceId: deviceIdSchema, address }).strict(),
  ),

  'messages.list': method<Page<ArchivedMessage>>()(
    z.object({ conversationId: rowIdSchema, ...pageArgs }).strict(),
  ),
  'messages.around': method<Page<ArchivedMessage>>()(
    z
      .object({
        conversationId: rowIdSchema,
        messageId: rowIdSchema,
        limit: z.int().min(1).max(500),
      })
      .strict(),
  ),
  /**
   * Sends a text, a picture message or a group message. Several addresses (2–20), a group
   * conversation, or attachments make it one MMS, which the phone must be able to send
   * (`Device.sending`); the body may then be empty when something is attached.
   */
  'messages.send': method<ArchivedMessage>()(
    z
      .object({
        to: z.union([
          z.object({ conversationId: rowIdSchema }).strict(),
          z
            .object({ deviceId: deviceIdSchema, addresses: z.array(address).min(1).max(20) })
            .strict(),
        ]),
        body: z.string().trim().max(MAX_SEND_BODY),
        subId: z.int().nullable(),
        /** Files staged with `compose.stage`, in the order they go in the message. */
        attachments: z.array(stageIdSchema).max(MAX_SEND_ATTACHMENTS).optional(),
      })
      .strict()
      .refine((a) => a.body.length > 0 || (a.attachments ?? []).length > 0, {
        message: 'a text needs words or an attachment',
      })
      .refine((a) => new Set(a.attachments ?? []).size === (a.attachments ?? []).length, {
        message: 'each file is attached once',
      }),
  ),
  /** Starts staging a file to attach; its bytes follow with `compose.stageChunk`. */
  'compose.stage': method<{ readonly stageId: string }>()(stageRequestSchema),
  /** One chunk, in order: `offset` must be where the last one ended. */
  'compose.stageChunk': method<StagedProgress>()(stageChunkSchema),
  /** Drops a staged file (removed from the draft). Unknown ids are ignored. */
  'compose.unstage': method<null>()(z.object({ stageId: stageIdSchema }).strict()),
  'messages.retry': method<ArchivedMessage>()(z.object({ messageId: rowIdSchema }).strict()),
  'messages.discard': method<null>()(z.object({ messageId: rowIdSchema }).strict()),

  'attachments.get': method<Attachment>()(
    z.object({ messageId: rowIdSchema, partId: z.string().min(1).max(64) }).strict(),
  ),
  /**
   * Electron: asks where to save one part (the native Save as…) and writes it there; `saved` is
   * false when the user cancelled. Web mode has no such dialog and downloads attachments.get.
   */
  'attachments.save': method<{ readonly saved: boolean }>()(
    z.object({ messageId: rowIdSchema, partId: z.string().min(1).max(64) }).strict(),
  ),
  'search.query': method<SearchPage>()(searchQuerySchema),
  'contacts.search': method<readonly ContactSummary[]>()(
    z
      .object({
        deviceId: deviceIdSchema.optional(),
        text: z.string().max(64),
        limit: z.int().min(1).max(50),
      })
      .strict(),
  ),
  /** The contact's photo from the phone's address book, or null when it has none. */
  'contacts.photo': method<Attachment | null>()(
    z.object({ deviceId: deviceIdSchema, contactId: z.string().min(1).max(64) }).strict(),
  ),
  'data.info': method<DataInfo>()(none),
  /** Starts sending a backup file; answers the id its chunks and its import name. */
  'data.upload': method<{ readonly uploadId: string }>()(
    z
      .object({ name: z.string().min(1).max(255), size: z.int().min(1).max(MAX_IMPORT_BYTES) })
      .strict(),
  ),
  /** One chunk, in order: `offset` must be where the last one ended. */
  'data.chunk': method<null>()(
    z
      .object({
        uploadId: uploadIdSchema,
        offset: z.int().min(0).max(MAX_IMPORT_BYTES),
        data: z.base64().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
      })
      .strict(),
  ),
  /** Imports a fully sent file into a phone's archive (null: the only one, or one of its own). */
  'data.import': method<null>()(
    z.object({ uploadId: uploadIdSchema, deviceId: deviceIdSchema.nullable() }).strict(),
  ),
  /** Stops the upload or import in progress; what was committed stays. */
  'data.cancel': method<null>()(none),
  /** Writes an export: Electron asks where to save it, web mode keeps it for `data.download`. */
  'data.export': method<ExportDone>()(exportRequestSchema),
  'data.download': method<DownloadChunk>()(
    z.object({ exportId: uploadIdSchema, offset: z.int().min(0) }).strict(),
  ),
  /** Unpairs and deletes one phone's archive, or every archive on this computer. */
  'data.delete': method<null>()(deleteTargetSchema),
  'links.open': method<boolean>()(z.object({ url: z.string().min(1).max(2048) }).strict()),
  /** Demo only: hand the QR on screen to the built-in demo phone, as its camera would. */
  'demo.scanQr': method<null>()(z.object({ uri: z.string().min(1).max(512) }).strict()),
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>
export type ResultOf<M extends MethodName> = NonNullable<Contract[M]['result']>['value']

export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/** Parses an untrusted argument for a method; null when it does not fit the schema. */
export function parseArgs<M extends MethodName>(name: M, args: unknown): ParsedArgsOf<M> | null {
  const parsed = contract[name].args.safeParse(args)
  return parsed.success ? (parsed.data as ParsedArgsOf<M>) : null
}
