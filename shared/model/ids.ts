// Identifiers the renderer sees. Numbers are the desktop archive's own row ids (stable for the
// life of a row, never reused); a DeviceId is the phone's instance id (PROTOCOL.md §3/§5).
import { z } from 'zod'
import { instanceId } from '../protocol/messages/common'

export type DeviceId = string
export type ConversationId = number
export type MessageId = number
export type OutboxId = number

// Ids arrive back from the renderer as `unknown`; these are the schemas to check them with.
export const deviceIdSchema = instanceId
export const rowIdSchema = z.int().min(1).max(Number.MAX_SAFE_INTEGER)
