// The floor's phone, in its own process: serves a history file's messages newest first in
// sealed batches over a WebSocket on loopback, and times single live messages until their ack.
// Usage: node --import tsx floor/phone-process.ts --history FILE --key HEX
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { WebSocketServer, type WebSocket } from 'ws'
import type { HistoryFile } from '../../../shared/history/schema'
import { SealedChannel, fromHex, toBytes } from './wire'

const { values } = parseArgs({
  options: { history: { type: 'string' }, key: { type: 'string' } },
})
if (values.history === undefined || values.key === undefined) throw new Error('--history --key')
const history = JSON.parse(readFileSync(values.history, 'utf8')) as HistoryFile
const newestFirst = [...history.messages].reverse()
const key = fromHex(values.key)

type Request = { op: 'stream'; batch: number } | { op: 'live'; count: number }

function serve(ws: WebSocket): void {
  const channel = new SealedChannel(key, 0)
  let ack: (() => void) | null = null
  ws.on('message', (data) => {
    const msg = channel.open(toBytes(data)) as Request | { op: 'ack' }
    switch (msg.op) {
      case 'stream':
        // stringify + seal + send, batch by batch, as fast as the socket takes them.
        for (let i = 0; i < newestFirst.length; i += msg.batch) {
          ws.send(channel.seal({ messages: newestFirst.slice(i, i + msg.batch) }))
        }
        ws.send(channel.seal({ done: true }))
        return
      case 'live':
        void live(ws, channel, msg.count, (resolve) => (ack = resolve))
        return
      case 'ack':
        ack?.()
        return
    }
  })
}

async function live(
  ws: WebSocket,
  channel: SealedChannel,
  count: number,
  onAck: (resolve: () => void) => void,
): Promise<void> {
  const template = newestFirst[0]
  if (template === undefined) throw new Error('empty history')
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    const acked = new Promise<void>((resolve) => {
      onAck(resolve)
    })
    const date = Date.now()
    ws.send(
      channel.seal({
        message: { ...template, id: `sms:live${i}`, date, body: `Live floor text ${i}` },
      }),
    )
    await acked
    samples.push(performance.now() - start)
  }
  ws.send(channel.seal({ liveResult: samples }))
}

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false })
server.on('connection', serve)
server.on('listening', () => {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('unexpected address')
  process.stdout.write(`${JSON.stringify({ event: 'listening', port: address.port })}\n`)
})
process.stdin.on('end', () => {
  server.close()
  process.exit(0)
})
process.stdin.resume()
