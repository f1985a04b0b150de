// The Java phone core (the JVM runner) in its own process, serving a history file, paired with a
// fresh desktop core the way a user pairs: the desktop shows the QR, the phone scans it.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { StaticFinder } from '../../../electron/core/discovery/discovery'
import { generateHistory } from '../../../electron/demo/generate'
import { startHarness, type Harness } from '../../support/core-harness'
import {
  PHONE_JAR,
  ensurePhoneJar,
  javaUnavailable,
  spawnJsonLines,
} from '../../support/java-runner'

/**
 * Runs `use` with a desktop core paired (or pairing) with the JVM phone; `watch` starts before
 * pairing so nothing of the sync is missed. A string instead of a result says why it could not
 * run (no Java, or the runner's jar not built and `build` false).
 */
export async function withJavaPhone<T>(
  historyFile: string,
  dir: string,
  build: boolean,
  watch: (h: Harness) => Promise<T>,
): Promise<T | string> {
  const noJava = javaUnavailable()
  if (noJava !== null) return noJava
  if (!existsSync(PHONE_JAR)) {
    if (!build) return `${PHONE_JAR} not built (bash companion-android/runner/phone.sh builds it)`
    ensurePhoneJar()
  }
  const phone = spawnJsonLines([
    '-jar',
    PHONE_JAR,
    '--history',
    historyFile,
    '--port',
    '0',
    '--state',
    join(dir, `jvm-phone-state-${Date.now()}`),
    '--name',
    'JVM Pixel',
  ])
  let h: Harness | null = null
  try {
    const { port } = await phone.next<{ event: string; port: number }>(
      (l) => l.event === 'listening',
      300_000,
    )
    // The harness's own demo phone is a one-message stand-in that nobody pairs with.
    h = await startHarness({
      history: generateHistory({ messages: 1, conversations: 1 }),
      finder: new StaticFinder(),
    })
    const watching = watch(h)
    const shown = await h.call('pairing.start', {})
    if (shown.step !== 'showing_qr') throw new Error(`pairing started in ${shown.step}`)
    phone.send({ cmd: 'scan', uri: shown.uri })
    await phone.next<{ event: string }>((l) => l.event === 'scanned')
    await h.call('pairing.connectTo', { host: '127.0.0.1', port })
    return await watching
  } finally {
    await h?.stop()
    await phone.stop()
  }
}
