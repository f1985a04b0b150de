// Walks a desktop archive's whole conversation list, page by page as the window does, so tests
// and benchmarks can count what was stored without knowing the paging.
import type { Conversation } from '../../shared/model/conversation'
import type { Cursor } from '../../shared/model/cursor'
import type { Archive } from '../../electron/core/store'

export function allConversations(archive: Archive, deviceId?: string): Conversation[] {
  const items: Conversation[] = []
  let cursor: Cursor | null = null
  do {
    const page = archive.conversations.list(deviceId === undefined ? {} : { deviceId }, cursor, 500)
    items.push(...page.items)
    cursor = page.older
  } while (cursor !== null)
  return items
}

/** How many conversations, and messages across them, the archive holds. */
export function storedCounts(
  archive: Archive,
  deviceId?: string,
): { conversations: number; messages: number } {
  const all = allConversations(archive, deviceId)
  return { conversations: all.length, messages: all.reduce((n, c) => n + c.messageCount, 0) }
}
