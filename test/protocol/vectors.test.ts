// The committed golden vectors are exactly what the TypeScript implementation produces, and
// the Java suite reads these same files (PROTOCOL.md §11).
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fromHex, utf8 } from '../../shared/bytes'
import {
  decodeMessage,
  PairingResponder,
  ReconnectResponder,
  type Role,
} from '../../shared/protocol'
import { keyPairFromSecret } from '../../shared/crypto/primitives'
import { buildVectors } from '../tools/vectors'

const dir = fileURLToPath(new URL('../../shared/protocol/vectors/', import.meta.url))
const read = (name: string): Record<string, any> => JSON.parse(readFileSync(dir + name, 'utf8'))

describe('golden vectors', () => {
  const built = buildVectors()

  it('are all committed, and nothing else is in the folder', () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(built).sort())
  })

  for (const [name, text] of Object.entries(built)) {
    it(`${name} is reproduced byte for byte`, () => {
      expect(readFileSync(dir + name, 'utf8')).toBe(text)
    })
  }

  it('pairing: a responder fed the committed PAIR_INIT writes the committed PAIR_RESP', () => {
    const v = read('pairing.json')
    const responder = new PairingResponder({
      staticKeys: keyPairFromSecret(fromHex(v.phoneStatic.secretKey)),
      ephemeral: keyPairFromSecret(fromHex(v.phoneEphemeral.secretKey)),
      payload: v.phonePayload,
      qr: { pairingId: fromHex(v.pairingId), secret: fromHex(v.secret) },
      desktopStatic: fromHex(v.desktopStatic.publicKey),
    })
    expect(responder.readInit(fromHex(v.init))).toEqual(v.desktopPayload)
    expect(responder.writeResp()).toEqual(fromHex(v.resp))
    expect(responder.result().sas).toBe(v.sas)
  })

  it('reconnect: a responder fed the committed RECONNECT_INIT writes the committed reply', () => {
    const v = read('reconnect.json')
    const responder = new ReconnectResponder({
      staticKeys: keyPairFromSecret(fromHex(v.phoneStatic.secretKey)),
      ephemeral: keyPairFromSecret(fromHex(v.phoneEphemeral.secretKey)),
      payload: v.phonePayload,
      isPairedDesktop: () => true,
    })
    responder.readInit(fromHex(v.init))
    expect(responder.writeResp()).toEqual(fromHex(v.resp))
  })

  it('messages: every valid JSON text parses to its committed value', () => {
    const v = read('messages.json')
    for (const c of v.valid) {
      expect(decodeMessage(utf8(c.json), c.receiver as Role)).toEqual({
        kind: 'message',
        message: c.parsed,
      })
    }
  })
})
