// Turns character offsets into line and column for damage reports, without keeping the text:
// it remembers where lines start, and forgets the starts before the oldest offset that can
// still be asked about (the start of the message being read), so memory stays bounded.

export interface Place {
  readonly line: number
  readonly column: number
}

export class LineIndex {
  /** Offsets where lines begin, ascending; starts[0] begins line `first`. */
  private starts: number[] = [0]
  private first = 1
  private length = 0

  /** Characters fed so far. */
  get size(): number {
    return this.length
  }

  feed(text: string): void {
    let at = text.indexOf('\n')
    while (at !== -1) {
      this.starts.push(this.length + at + 1)
      at = text.indexOf('\n', at + 1)
    }
    this.length += text.length
  }

  /** Offsets below `offset` will not be located again. */
  forget(offset: number): void {
    const k = this.lineOf(offset)
    if (k > 0) {
      this.starts = this.starts.slice(k)
      this.first += k
    }
  }

  locate(offset: number): Place {
    const k = this.lineOf(offset)
    const start = this.starts[k] ?? 0
    return { line: this.first + k, column: Math.max(0, offset - start) + 1 }
  }

  /** Index in `starts` of the line holding `offset` (0 if it was forgotten). */
  private lineOf(offset: number): number {
    let low = 0
    let high = this.starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if ((this.starts[mid] ?? 0) <= offset) low = mid
      else high = mid - 1
    }
    return low
  }
}
