// Walks a desktop archive's whole conversation list, page by page as the window does, so tests
// and benchmarks can count what was stored without knowing the paging. Works on the core's
// archive (answers are promises from its thread) and on one opened in the test's own process.
import type { Conversation } from '../../shared/model/conversation'
import type { Cursor } from '../../shared/model/cursor'
import type { Archive } from '../../electron/core/store'

type Lists =
  | { readonly conversations: Pick<Archive['conversations'], 'list'> }
  | {
      readonly conversations: {
        list(
          ...args: Parameters<Archive['conversations']['list']>
        ): Promise<ReturnType<Archive['conversations']['list']>>
      }
    }

export async function allConversations(archive: Lists, deviceId?: string): Promise<Conversation[]> {
  const items: Conversation[] = []
  let cursor: Cursor | null = null
  do {
    const page: ReturnType<Archive['conversations']['list']> = await archive.conversations.list(
      deviceId === undefined ? {} : { deviceId },
      cursor,
      500,
    )
    items.push(...page.items)
    cursor = page.older
  } while (cursor !== null)
  return items
}

/** How many conversations, and messages across them, the archive holds. */
export async function storedCounts(
  archive: Lists,
  deviceId?: string,
): Promise<{ conversations: number; messages: number }> {
  const all = await allConversations(archive, deviceId)
  return { conversations: all.length, messages: all.reduce((n, c) => n + c.messageCount, 0) }
}
