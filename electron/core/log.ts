// A tiny structured logger. Callers pass fields, never message bodies or keys, because logs get
// pasted into bug reports; the sink is swappable so tests and the web host can capture or silence it.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void
  child(fields: LogFields): Logger
}

export type LogSink = (line: { level: LogLevel; event: string; fields: LogFields }) => void

export function createLogger(sink: LogSink, base: LogFields = {}): Logger {
  return {
    log(level, event, fields = {}) {
      sink({ level, event, fields: { ...base, ...fields } })
    },
    child(fields) {
      return createLogger(sink, { ...base, ...fields })
    },
  }
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 }

/** Writes one JSON line per event to stderr, from `minimum` up. */
export function stderrSink(minimum: LogLevel = 'info'): LogSink {
  return ({ level, event, fields }) => {
    if (ORDER[level] < ORDER[minimum]) return
    process.stderr.write(
      `${JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })}\n`,
    )
  }
}

export const silentLogger: Logger = createLogger(() => undefined)
