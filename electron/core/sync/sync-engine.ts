// One connected phone's sync (PROTOCOL.md §9.3–§9.7), in the order that makes the app usable
// first: catch up by watermark, then the newest message of every conversation (the whole list
// appears after one message per conversation), then the recent messages of each (any thread
// opens at once), then history newest first in large batches, then contacts. Live pushes are
// applied as they arrive, whatever phase is running; every write is idempotent (upsert by the
// phone's id), so a message delivered twice appears once.
import {
  CloseCode,
  message,
  type Contact,
  type Message,
  type MessageOf,
} from '../../../shared/protocol'
import type { SyncPhase, SyncProgress } from '../../../shared/api/status'
import type { Logger } from '../log'
import type { PeerSession } from '../net/session'
import type { ApplyResult, Awaitable, ChangeSink, MessagePush, SyncArchive } from './ports'

// A screenful and a half of each conversation: enough to open any thread at once, while the
// back-fill brings the rest newest first.
export const RECENT_PER_THREAD = 20
export const RECENT_PAGE = 1000
/** The heads pass: the recent scope with one message per conversation, in the largest pages. */
export const HEADS_PAGE = 1000
export const HISTORY_PAGE = 1000
export const CONTACTS_PAGE = 500
const REQUEST_TIMEOUT_MS = 60_000

/** The passes over the phone's messages, named as the status shows them. */
type Pass = Extract<SyncPhase, 'conversations' | 'recent' | 'history'>

export class SyncEngine {
  private stopped = false
  private contactsStale = false
  private writes: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly session: PeerSession,
    private readonly deviceId: string,
    private readonly archive: SyncArchive,
    private readonly changes: ChangeSink,
    /** Where the connection shows the phase; null when the initial work is done. */
    private readonly onProgress: (progress: SyncProgress | null) => void,
    private readonly log: Logger,
  ) {}

  /** Runs until the initial work is done; live pushes keep flowing afterwards. */
  async run(): Promise<void> {
    await this.session.ready
    this.session.onMessage((msg) => {
      this.onPush(msg)
    })
    await this.catchUp()
    const state = await this.archive.state(this.deviceId)
    if (!state.recent.done) {
      if (state.recent.cursor === null) await this.heads()
      await this.recent(state.recent.cursor)
    }
    if (!(await this.archive.state(this.deviceId)).history.done) await this.history()
    if (state.contactsSyncedAt === null || this.contactsStale) await this.contacts()
    this.onProgress(null)
  }

  stop(): void {
    this.stopped = true
  }

  private async catchUp(): Promise<void> {
    const since = (await this.archive.state(this.deviceId)).watermark
    this.progress('catch-up', 0, null)
    const done = new Promise<void>((resolve, reject) => {
      let id: string | null = null
      let applied = 0
      const off = this.session.onMessage((msg) => {
        if (msg.type !== 'sync.changes' || msg.ref !== id) return
        const { changes, watermark, more, reset } = msg.body
        const ref = msg.ref
        if (!more) off()
        // Acknowledged only once committed; pages are written in the order they came.
        this.write(
          () => this.archive.applyChanges(this.deviceId, { changes, watermark, reset }),
          () => {
            applied += changes.length
            this.session.send(message('ack', { watermark }, { ref }))
            this.progress('catch-up', applied, null)
            if (!more) resolve()
          },
        )
      })
      id = this.sendWithId('sync.subscribe', { watermark: since })
      void this.session.closed.then(() => {
        reject(new Error('closed during catch-up'))
      })
    })
    await done
  }

  private async heads(): Promise<void> {
    await this.pages('conversations', null, 0, (batch) =>
      this.archive.applyHeads(this.deviceId, batch),
    )
  }

  private async recent(start: string | null): Promise<void> {
    await this.pages('recent', start, 0, (batch) => this.archive.applyRecent(this.deviceId, batch))
  }

  private async history(): Promise<void> {
    const start = (await this.archive.state(this.deviceId)).history
    await this.pages('history', start.cursor, start.received, (batch) =>
      this.archive.applyHistory(this.deviceId, batch),
    )
  }

  /**
   * Walks one scope page by page, pipelined: the next page is requested before the current one
   * is written, so the phone reads while the desktop writes (without it the desktop sat idle
   * for half of the recent phase, waiting on each round trip).
   */
  private async pages(
    scope: Pass,
    start: string | null,
    received: number,
    apply: (batch: MessageOf<'sync.batch'>['body']) => Awaitable<ApplyResult>,
  ): Promise<void> {
    let done = received
    let next = this.page(scope, start)
    for (;;) {
      const batch = await next
      const cursor = batch.body.cursor
      if (cursor !== null && !this.stopped) next = this.page(scope, cursor)
      if (cursor === null && scope === 'history') this.progress('indexing', done, batch.body.total)
      // While this batch is written on the archive's thread, the next one is decrypted here.
      this.apply(await this.queued(() => apply(batch.body)))
      done += batch.body.messages.length
      this.progress(scope, done, batch.body.total)
      if (cursor === null || this.stopped) break
    }
  }

  private page(pass: Pass, cursor: string | null): Promise<MessageOf<'sync.batch'>> {
    const body: MessageOf<'sync.request'>['body'] =
      pass === 'history'
        ? { scope: 'history', cursor, limit: HISTORY_PAGE }
        : pass === 'recent'
          ? { scope: 'recent', cursor, limit: RECENT_PAGE, perThread: RECENT_PER_THREAD }
          : // The first page is small so the first screen of the list is drawn sooner.
            { scope: 'recent', cursor, limit: cursor === null ? 100 : HEADS_PAGE, perThread: 1 }
    const reply = this.session.call('sync.request', body, 'sync.batch', REQUEST_TIMEOUT_MS)
    // A page requested ahead may never be awaited (a write failed, the sync stopped); its
    // rejection when the session closes is then expected, not unhandled.
    reply.catch(() => undefined)
    return reply
  }

  private async contacts(): Promise<void> {
    if (!(this.session.peerHello?.capabilities.includes('contacts') ?? false)) return
    this.contactsStale = false
    const all: Contact[] = []
    let cursor: string | null = null
    do {
      const page: MessageOf<'contacts.batch'> = await this.session.call(
        'contacts.request',
        { cursor, limit: CONTACTS_PAGE, photos: true },
        'contacts.batch',
        REQUEST_TIMEOUT_MS,
      )
      all.push(...page.body.contacts)
      cursor = page.body.cursor
      this.progress('contacts', all.length, page.body.total)
    } while (cursor !== null && !this.stopped)
    this.apply(await this.queued(() => this.archive.replaceContacts(this.deviceId, all)))
  }

  private onPush(msg: Message): void {
    switch (msg.type) {
      case 'message.new':
      case 'message.changed':
      case 'message.deleted':
        this.live(msg)
        return
      case 'contacts.changed':
        this.contactsStale = true
        void this.contacts().catch((e: unknown) => {
          this.log.log('warn', 'sync.contacts_failed', {
            error: e instanceof Error ? e.name : 'error',
          })
        })
        return
      default:
        return
    }
  }

  private live(push: MessagePush): void {
    this.write(
      () => this.archive.applyPush(this.deviceId, push),
      () => {
        this.session.send(message('ack', { watermark: push.body.watermark }))
      },
    )
  }

  /**
   * Runs archive writes one after another in the order they were asked for, whether they come
   * from a page loop or from a push, so a push never overtakes the page it arrived after.
   */
  private queued(write: () => Awaitable<ApplyResult>): Promise<ApplyResult> {
    const result = this.writes.then(write)
    this.writes = result.catch(() => undefined)
    return result
  }

  /**
   * A write started from a message callback: committed, reported, then `after` (the ack). A
   * failed write ends the session, so nothing after it is acknowledged and the next connection
   * resumes from what was committed.
   */
  private write(write: () => Awaitable<ApplyResult>, after: () => void): void {
    this.queued(write).then(
      (applied) => {
        this.apply(applied)
        // Closed meanwhile: the phone sends it again on the next connection, as unacknowledged.
        if (this.session.isOpen) after()
      },
      (e: unknown) => {
        this.log.log('warn', 'sync.write_failed', { error: e instanceof Error ? e.name : 'error' })
        if (this.session.isOpen) this.session.close(CloseCode.Normal, 'archive write failed')
      },
    )
  }

  private apply(applied: ApplyResult): void {
    this.changes.applied(this.deviceId, applied)
  }

  private progress(phase: SyncPhase, done: number, total: number | null): void {
    this.onProgress({ phase, done, total })
  }

  private sendWithId(type: 'sync.subscribe', body: MessageOf<'sync.subscribe'>['body']): string {
    const id = `sub${Date.now().toString(36)}`
    this.session.send(message(type, body, { id }))
    return id
  }
}
