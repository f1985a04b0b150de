// The window's rows, in Debian's Chromium against the web-mode host (electron/web/main.ts) on
// the big archive's data folder: cold start to the list drawn, then in one host and page the
// keystroke search, the heavy thread's wheel scroll, jumps to five-year-old hits and the
// session of use that ends in memory at idle. One Chromium serves all of them and the floors.
import { writeHistory } from '../../../electron/demo/generate'
import type { Browser } from 'playwright-core'
import { skipReason } from '../../e2e/support/app'
import type { BigArchive } from '../lib/big-archive'
import { launchChromium, newPage } from '../lib/chromium'
import { findJumpTerms } from '../lib/jump-terms'
import { SEED, type Sizes } from '../lib/sizes'
import { log } from '../lib/stats'
import { startWebHost } from '../lib/web-host'
import { measureColdStartWeb, type ColdStarts } from './cold-start-web'
import { measureJump, type JumpSamples } from './jump'
import { measureKeystrokes, type BrowserSamples } from './search-browser'
import { measureSession, type SessionMemory } from './session'
import { measureThreadScroll, type ScrollResult } from './thread-scroll'
import { join } from 'node:path'

export interface BrowserResult {
  readonly cold: ColdStarts
  readonly keystrokes: BrowserSamples
  readonly scroll: ScrollResult
  readonly jump: JumpSamples
  readonly session: SessionMemory
}

export async function measureBrowser(
  big: BigArchive,
  sizes: NonNullable<Sizes['browser']>,
  work: string,
): Promise<BrowserResult | string> {
  const reason = skipReason()
  if (reason !== null) return reason
  // The demo phone the host starts beside the archive: a few texts, never paired.
  const history = join(work, 'host-phone-history.json')
  await writeHistory(history, { messages: 20, conversations: 2, seed: SEED })
  log('  finding five-year-old search hits')
  const terms = findJumpTerms(big, sizes.jumps + 1)
  const browser = await launchChromium()
  try {
    log(`  cold starts (${sizes.coldStarts} and a floor each)`)
    const cold = await measureColdStartWeb(browser, big.dataDir, history, sizes.coldStarts)
    return { cold, ...(await inOneHost(browser, big, sizes, history, terms)) }
  } finally {
    await browser.close()
  }
}

async function inOneHost(
  browser: Browser,
  big: BigArchive,
  sizes: NonNullable<Sizes['browser']>,
  history: string,
  terms: ReturnType<typeof findJumpTerms>,
): Promise<Omit<BrowserResult, 'cold'>> {
  const host = await startWebHost(big.dataDir, history)
  try {
    const page = await newPage(browser)
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(host.url)
    await page
      .getByRole('listbox', { name: 'Conversations' })
      .getByRole('option')
      .first()
      .waitFor({ timeout: 60_000 })
    log('  keystrokes')
    const keystrokes = await measureKeystrokes(page)
    log(`  wheel scroll through the ${big.heavyThreadSize}-message thread`)
    const scroll = await measureThreadScroll(browser, page, big, sizes.scrollMs)
    log(`  jumps to five-year-old hits`)
    const jump = await measureJump(page, big.heavyThreadId, terms)
    log(`  session of use, ${(sizes.sessionMs / 1000).toFixed(0)} s`)
    const session = await measureSession(
      browser,
      page,
      host.pid,
      big.heavyThreadId,
      sizes.sessionMs,
    )
    if (errors.length > 0) throw new Error(`the page threw: ${errors.slice(0, 3).join('; ')}`)
    return { keystrokes, scroll, jump, session }
  } finally {
    await host.stop()
  }
}
