// Measures the backup reader on a generated file: how fast it parses and how much memory the
// process peaks at. Prints one line; asserts nothing (timings depend on the machine).
//   npm run history -- --format sbr --messages 200000 --out /tmp/sms.xml
//   tsx electron/demo/generate/sbr-measure.ts /tmp/sms.xml
import { readBackup } from '../../core/backup/sbr'

async function main(path: string | undefined): Promise<void> {
  if (path === undefined) throw new Error('usage: tsx electron/demo/generate/sbr-measure.ts FILE')
  const started = performance.now()
  const reader = readBackup(path)
  let parts = 0
  for await (const m of reader) if (m.kind === 'mms') parts += m.parts.length
  const seconds = (performance.now() - started) / 1000
  const { messages, bytesRead, skipped } = reader.progress
  const peak = process.resourceUsage().maxRSS / 1024 // kB → MiB
  process.stdout.write(
    `sbr read: ${messages} messages (${skipped} skipped, ${parts} attachments), ` +
      `${(bytesRead / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s = ` +
      `${Math.round(messages / seconds)} messages/s, ${(bytesRead / 1e6 / seconds).toFixed(1)} MB/s, ` +
      `peak rss ${peak.toFixed(0)} MiB\n`,
  )
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
