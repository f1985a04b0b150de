// Frame vectors (a session's first frames each way) and message encodings.
import { fromHex, toHex, utf8 } from '../../../shared/bytes'
import { decodeMessage, encodeMessage, FrameSealer, type Role } from '../../../shared/protocol'
import { INVALID_MESSAGES } from './invalid-messages'
import { MESSAGE_EXAMPLES } from './message-examples'

export function framesVector(pairing: Record<string, unknown>): Record<string, unknown> {
  const d2p = fromHex(String(pairing.desktopToPhone))
  const p2d = fromHex(String(pairing.phoneToDesktop))
  const run = (key: Uint8Array, sender: Role) => {
    const sealer = new FrameSealer(key)
    return MESSAGE_EXAMPLES.filter((e) => e.receiver !== sender)
      .slice(0, 6)
      .map((e, n) => {
        const plaintext = encodeMessage(e.message, sender)
        return { n, plaintext: toHex(plaintext), frame: toHex(sealer.seal(plaintext)) }
      })
  }
  return {
    source: 'keys of pairing.json',
    desktopToPhoneKey: toHex(d2p),
    phoneToDesktopKey: toHex(p2d),
    desktopToPhone: run(d2p, 'desktop'),
    phoneToDesktop: run(p2d, 'phone'),
  }
}

export function messagesVector(): Record<string, unknown> {
  return {
    valid: MESSAGE_EXAMPLES.map((e) => {
      const sender: Role = e.receiver === 'phone' ? 'desktop' : 'phone'
      const json = new TextDecoder().decode(encodeMessage(e.message, sender))
      const decoded = decodeMessage(utf8(json), e.receiver)
      if (decoded.kind !== 'message') throw new Error(`example ${e.message.type} did not decode`)
      return { type: e.message.type, receiver: e.receiver, json, parsed: decoded.message }
    }),
    invalid: INVALID_MESSAGES.map((c) => {
      let outcome: string
      try {
        outcome = decodeMessage(utf8(c.json), c.receiver).kind
      } catch {
        outcome = 'close_4000'
      }
      if (outcome !== c.expect) throw new Error(`${c.name}: got ${outcome}, want ${c.expect}`)
      return c
    }),
  }
}
