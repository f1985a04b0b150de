// The history file format (FORMAT.md beside this file), shared by the generator, the demo
// phone and the tests. The Java runner implements the same rules.
import { z } from 'zod'
import { contactSchema, deviceSchema, simSchema } from '../protocol/messages/catalogue'
import { part, smsMessage } from '../protocol/messages/common'

export const historyPart = part.extend({ data: z.string().nullable() })

export const historyMessage = smsMessage
  .omit({ sendKey: true, parts: true, threadId: true })
  .extend({ threadId: z.int().min(0), parts: z.array(historyPart).max(20) })

export const historyFile = z.object({
  format: z.literal('textbridge-history'),
  version: z.literal(1),
  device: deviceSchema,
  sims: z.array(simSchema).max(8),
  contacts: z.array(contactSchema),
  messages: z.array(historyMessage),
})

export type HistoryFile = z.infer<typeof historyFile>
export type HistoryMessage = z.infer<typeof historyMessage>
export type HistoryPart = z.infer<typeof historyPart>
