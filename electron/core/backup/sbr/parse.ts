// The document's grammar on top of htmlparser2's tokens. htmlparser2 is forgiving by design (it
// closes what was left open, accepts unquoted values), so everything the app would never write
// is checked here: the root, which element may stand where, quoting, stray text, cut-off ends.
import { Parser } from 'htmlparser2'
import { Attrs, Unusable } from './attrs'
import { DamageAt, type DamageCode } from './errors'
import { readMms, readSms } from './records'
import type { BackupHeader, BackupMessage } from './types'

export interface ParseEvents {
  header(header: BackupHeader): void
  message(message: BackupMessage): void
  skip(offset: number, reason: string): void
}

type Where = 'prolog' | 'smses' | 'sms' | 'mms' | 'parts' | 'part' | 'addrs' | 'addr' | 'epilog'

/** Which element may open where, and what it becomes. */
const CHILDREN: Readonly<Partial<Record<Where, Readonly<Record<string, Where>>>>> = {
  prolog: { smses: 'smses' },
  smses: { sms: 'sms', mms: 'mms' },
  mms: { parts: 'parts', addrs: 'addrs' },
  parts: { part: 'part' },
  addrs: { addr: 'addr' },
}
const BLANK = /^[ \t\r\n]*$/

interface Open {
  readonly where: Where
  readonly start: number
}

interface Message {
  attrs: Attrs | null
  parts: Attrs[]
  addrs: Attrs[]
}

export class SbrParser {
  private readonly tokens: Parser
  private readonly stack: Open[] = []
  private where: Where = 'prolog'
  private attrs = new Map<string, string>()
  private tagStart = 0
  private message: Message | null = null
  private messageStart = 0
  private lastEvent = 0
  private ending = false
  private fed = 0

  constructor(
    private readonly events: ParseEvents,
    /** Largest message element, in characters. */
    private readonly maxChars: number,
  ) {
    this.tokens = new Parser(
      {
        onopentagname: (name) => {
          this.openName(name)
        },
        onattribute: (name, value, quote) => {
          this.attribute(name, value, quote)
        },
        onopentag: () => {
          this.openEnd()
        },
        onclosetag: (_name, implied) => {
          this.close(implied)
        },
        ontext: (text) => {
          this.text(text)
        },
        onprocessinginstruction: () => {
          if (this.where !== 'prolog') this.fail('malformed', 'a declaration after the root')
          this.seen()
        },
        oncomment: () => {
          if (this.message !== null) this.fail('malformed', 'a comment inside a message')
          this.seen()
        },
        oncdatastart: () => {
          this.fail('malformed', 'a CDATA section')
        },
      },
      { xmlMode: true, decodeEntities: false },
    )
  }

  /** Whether the root element has opened. */
  get started(): boolean {
    return this.where !== 'prolog'
  }

  /** The oldest character offset still held: the open message's start, or the last token's. */
  get holdingFrom(): number {
    return this.message !== null ? this.messageStart : this.lastEvent
  }

  write(text: string): void {
    this.fed += text.length
    this.tokens.write(text)
  }

  end(): void {
    this.ending = true
    this.tokens.end()
    if (this.where === 'epilog') return
    if (this.where === 'prolog') {
      this.fail('not_a_backup', this.fed === 0 ? 'the file is empty' : 'no <smses> element', 'end')
    }
    this.fail('cut_off', 'the file ends before </smses>', 'end')
  }

  private fail(
    code: DamageCode,
    reason: string,
    at: number | 'end' = this.tokens.startIndex,
  ): never {
    throw new DamageAt(code, reason, at === 'end' ? this.fed : at)
  }

  /** Refuses a message (or anything else held, like an endless comment) past the cap. */
  checkSize(end: number): void {
    const from = this.holdingFrom
    if (end - from > this.maxChars) {
      const what = this.message !== null ? 'a message' : 'markup'
      this.fail('too_large', `${what} larger than ${this.maxChars} bytes`, from)
    }
  }

  private seen(): void {
    this.lastEvent = this.tokens.endIndex + 1
  }

  private top(): Open | undefined {
    return this.stack[this.stack.length - 1]
  }

  private openName(name: string): void {
    if (this.ending) this.fail('cut_off', `the file ends inside <${name}>`, 'end')
    const next = CHILDREN[this.where]?.[name]
    if (next === undefined) {
      const shown = name.slice(0, 40)
      if (this.where === 'prolog') this.fail('not_a_backup', `the root is <${shown}>, not <smses>`)
      if (this.where === 'epilog') this.fail('malformed', `<${shown}> after </smses>`)
      this.fail('malformed', `<${shown}> inside <${this.where}>`)
    }
    this.tagStart = this.tokens.startIndex
    this.stack.push({ where: next, start: this.tagStart })
    this.where = next
    this.attrs = new Map()
    if (next === 'sms' || next === 'mms') {
      this.message = { attrs: null, parts: [], addrs: [] }
      this.messageStart = this.tagStart
    }
  }

  private attribute(name: string, value: string, quote: string | null | undefined): void {
    if (quote !== '"' && quote !== "'") this.fail('malformed', `attribute ${name} is not quoted`)
    if (this.attrs.has(name)) this.fail('malformed', `attribute ${name} appears twice`)
    this.attrs.set(name, value)
  }

  private openEnd(): void {
    const attrs = new Attrs(this.where, this.attrs, this.tagStart)
    this.attrs = new Map()
    switch (this.where) {
      case 'smses':
        this.events.header(header(attrs))
        break
      case 'sms':
      case 'mms':
        if (this.message) this.message.attrs = attrs
        break
      case 'part':
        this.message?.parts.push(attrs)
        break
      case 'addr':
        this.message?.addrs.push(attrs)
        break
      default:
        break
    }
    this.seen()
  }

  private close(implied: boolean): void {
    const open = this.stack.pop()
    if (this.ending || open === undefined) {
      const where = open?.where ?? 'smses'
      const reason = where === 'smses' ? 'before </smses>' : `inside <${where}>`
      this.fail('cut_off', `the file ends ${reason}`, 'end')
    }
    // htmlparser2 reports self-closing tags as implied closes at the tag's own start; any
    // other implied close means a close tag skipped over elements still open.
    if (implied && this.tokens.startIndex !== open.start) {
      this.fail('malformed', `</${this.where}> is missing`)
    }
    const closed = open.where
    this.where = this.top()?.where ?? 'epilog'
    if (closed === 'sms' || closed === 'mms') this.finishMessage(closed)
    this.seen()
  }

  private finishMessage(kind: 'sms' | 'mms'): void {
    this.checkSize(this.tokens.endIndex + 1)
    const message = this.message
    this.message = null
    if (!message?.attrs) return
    try {
      const record =
        kind === 'sms'
          ? readSms(message.attrs)
          : readMms(message.attrs, message.parts, message.addrs)
      this.events.message(record)
    } catch (error) {
      if (!(error instanceof Unusable)) throw error
      this.events.skip(message.attrs.offset, error.message)
    }
  }

  private text(text: string): void {
    if (!BLANK.test(text)) {
      if (this.where === 'prolog') this.fail('not_a_backup', 'text before the root element')
      if (this.where === 'epilog') this.fail('malformed', 'text after </smses>')
      this.fail('malformed', `text inside <${this.where}>`)
    }
    this.seen()
  }
}

function header(a: Attrs): BackupHeader {
  // The root's values only describe the file; a bad one is not worth refusing it over.
  const lenient = <T>(read: () => T | null): T | null => {
    try {
      return read()
    } catch {
      return null
    }
  }
  const count = lenient(() => a.integer('count'))
  return {
    count: count !== null && count >= 0 ? count : null,
    backupSet: a.text('backup_set'),
    backupDate: lenient(() => a.time('backup_date')),
    type: a.text('type'),
  }
}
