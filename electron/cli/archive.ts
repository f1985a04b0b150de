// npm run archive -- import FILE... | search QUERY [--json] | stats [--json]
//   | export --format F --out FILE   [--data DIR]
// The archive from a terminal: the same store as the app, opened on its data folder.
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openArchive } from '../core/store'
import { importFiles, search, stats } from './commands'
import { InputError, exportCommand } from './export-command'
import { defaultDataDir } from './data-dir'

const USAGE = `Usage: npm run archive -- <command> [options]

  import FILE...            import SMS Backup & Restore files (sms-*.xml)
      --phone ID            the phone to import into (needed when several are paired)
      --region CC           country for numbers without one, when no phone is paired (e.g. GB)
  search QUERY [--json]     search every message; --json prints {"total": N, "hits": [...]}
      --limit N             hits to show (default 20, at most 200)
  stats [--json]            messages, conversations, counts by type, imported
  export --format F --out FILE
                            write the archive as sbr (SMS Backup & Restore), csv, json or html;
                            the file appears only once complete
      --conversation ID     only this conversation (its conversationId in search --json)
      --since DATE          from this date on (YYYY-MM-DD or ISO 8601; UTC unless it says)
      --until DATE          up to, not including, this date

  --data DIR                the data folder (default: the app's, ${defaultDataDir()})
`

class UsageError extends Error {}

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      phone: { type: 'string' },
      region: { type: 'string' },
      limit: { type: 'string', default: '20' },
      format: { type: 'string' },
      out: { type: 'string' },
      conversation: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  const [command, ...rest] = positionals
  if (values.help || command === undefined) {
    process.stdout.write(USAGE)
    return values.help ? 0 : 2
  }
  const dataDir = values.data ?? defaultDataDir()
  const path = join(dataDir, 'archive.sqlite')
  if (command !== 'import' && !existsSync(path)) throw new Error(`no archive in ${dataDir}`)
  if (command === 'import') {
    if (rest.length === 0) throw new UsageError('import needs at least one file')
    mkdirSync(dataDir, { recursive: true })
  }
  const archive = openArchive(path, { clock: Date.now })
  const abort = new AbortController()
  process.once('SIGINT', () => {
    abort.abort()
  })
  const io = { out: process.stdout, err: process.stderr, signal: abort.signal }
  try {
    switch (command) {
      case 'import':
        return await importFiles(
          archive,
          rest,
          { deviceId: values.phone ?? null, region: values.region?.toUpperCase() ?? null },
          io,
        )
      case 'search': {
        const limit = Number(values.limit)
        if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
          throw new UsageError('--limit is a whole number from 1 to 200')
        }
        if (rest.length === 0) throw new UsageError('search needs a query')
        return search(archive, rest.join(' '), values.json, limit, io)
      }
      case 'stats':
        return stats(archive, values.json, io)
      case 'export':
        if (rest.length > 0) throw new UsageError(`export takes no file names (use --out)`)
        return await exportCommand(archive, values, io)
      default:
        throw new UsageError(`unknown command "${command}"`)
    }
  } finally {
    archive.close()
  }
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error)
    process.stderr.write(`archive: ${reason}\n`)
    if (error instanceof UsageError) process.stderr.write(USAGE)
    process.exitCode = error instanceof UsageError || error instanceof InputError ? 2 : 1
  },
)
