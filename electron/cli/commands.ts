// The archive's commands, on the same store the app uses. Each returns its exit status and
// writes results to `out` and progress and reasons to `err`, so tests run them in-process.
import type { Writable } from 'node:stream'
import { importBackupFile, type ImportProgress } from '../core/backup/import/import-file'
import type { Archive } from '../core/store'

export interface Io {
  readonly out: Writable
  readonly err: Writable
  readonly signal?: AbortSignal
}

const number = new Intl.NumberFormat('en')

function progressLine(p: ImportProgress): string {
  const share =
    p.totalBytes !== null && p.totalBytes > 0
      ? ` · ${Math.floor((100 * p.bytesRead) / p.totalBytes)} %`
      : ''
  return `  ${number.format(p.read)} read · ${number.format(p.added)} new · ${number.format(p.present)} already there · ${number.format(Math.round(p.rate))}/s${share}`
}

export async function importFiles(
  archive: Archive,
  files: readonly string[],
  options: { deviceId: string | null; region: string | null },
  io: Io,
): Promise<number> {
  let status = 0
  const tty = 'isTTY' in io.err && io.err.isTTY === true
  for (const file of files) {
    const result = await importBackupFile(archive, file, {
      deviceId: options.deviceId,
      region: options.region,
      ...(io.signal === undefined ? {} : { signal: io.signal }),
      onProgress: (p) => {
        if (tty) io.err.write(`\r${progressLine(p)}`)
      },
    })
    if (tty) io.err.write('\r\u001b[K')
    const counts = `${number.format(result.added)} new, ${number.format(result.present)} already there${result.skipped > 0 ? `, ${number.format(result.skipped)} skipped (no place for them)` : ''}`
    if (result.outcome === 'damaged' && result.damage !== null) {
      io.err.write(
        `${file}: damaged at line ${result.damage.line}, column ${result.damage.column}: ${result.damage.reason}; kept ${number.format(result.read)} messages before it (${counts})\n`,
      )
      status = 1
    } else if (result.outcome === 'cancelled') {
      io.err.write(
        `${file}: cancelled after ${number.format(result.read)} messages (${counts}); run it again to go on\n`,
      )
      return 130
    } else {
      io.out.write(`${file}: ${counts}\n`)
    }
  }
  return status
}

export function search(
  archive: Archive,
  text: string,
  json: boolean,
  limit: number,
  io: Io,
): number {
  archive.searchIndex.rebuildIfDirty()
  const page = archive.search.query({ text, limit, withTotal: true })
  const hits = page.hits.map((hit) => {
    const message = archive.messages.get(hit.messageId)
    return {
      messageId: hit.messageId,
      conversationId: hit.conversationId,
      conversation: hit.conversationTitle,
      date: new Date(hit.date).toISOString(),
      type: message.box,
      direction: message.direction,
      sender: message.sender?.name ?? message.sender?.address ?? null,
      body: message.body,
      imported: message.imported,
    }
  })
  const total = page.total?.count ?? hits.length
  if (json) {
    const capped = page.total?.capped === true ? { totalCapped: true } : {}
    io.out.write(`${JSON.stringify({ total, ...capped, hits })}\n`)
    return 0
  }
  for (const h of hits) {
    io.out.write(
      `${h.date.slice(0, 16).replace('T', ' ')}  ${h.conversation}  ${h.type}  ${h.body.replace(/\s+/g, ' ')}\n`,
    )
  }
  io.err.write(`${number.format(total)}${page.total?.capped === true ? '+' : ''} found\n`)
  return 0
}

export function stats(archive: Archive, json: boolean, io: Io): number {
  const counts = archive.messages.counts()
  if (json) {
    io.out.write(`${JSON.stringify(counts)}\n`)
    return 0
  }
  io.out.write(
    `${number.format(counts.messages)} messages in ${number.format(counts.conversations)} conversations (${number.format(counts.imported)} imported)\n`,
  )
  for (const [box, n] of Object.entries(counts.byType))
    io.out.write(`  ${box}: ${number.format(n)}\n`)
  return 0
}
