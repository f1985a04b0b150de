// A stand-in core for looking at the renderer in Chromium before (or without) the real demo
// command: the real web host (token, Origin and Host checks) serving the built renderer, with
// the renderer's in-memory FakeCore behind it. Tests and manual checks only.
//   npx tsx test/e2e/support/fake-host.ts [--conversations N] [--paired]
import { fileURLToPath } from 'node:url'
import { ApiError } from '../../../shared/api/result'
import { METHOD_NAMES } from '../../../shared/api/contract'
import type { ApiHandlers } from '../../../electron/core/api/handlers'
import { silentLogger } from '../../../electron/core/log'
import { startWebHost, type WebHost } from '../../../electron/web/web-host'
import { FakeCore } from '../../../renderer/testing/fake-core'
import { fillFakeCore } from './fake-data'

export async function startFakeHost(core: FakeCore): Promise<WebHost> {
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (args: unknown) => {
        const result = await core.transport.call(method, args)
        if (result.ok) return result.value
        throw new ApiError(result.error.code, result.error.message)
      },
    ]),
  ) as unknown as ApiHandlers
  return startWebHost({
    api: { handlers, onEvent: (l) => core.transport.onEvent(l) },
    staticDir: fileURLToPath(new URL('../../../out/renderer', import.meta.url)),
    log: silentLogger,
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const n = Number(args[args.indexOf('--conversations') + 1] ?? 0) || 300
  const core = new FakeCore()
  fillFakeCore(core, { conversations: n, paired: args.includes('--paired') })
  const host = await startFakeHost(core)
  console.log(`Textbridge is running at ${host.url}`)
}
