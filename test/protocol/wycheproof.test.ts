// Third-party vectors for the two primitives the protocol rests on (X25519, XSalsa20-Poly1305). They live beside the repository
// (../shared/vectors/wycheproof) and are not copied in; without them the suite says so and skips.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fromHex } from '../../shared/bytes'
import { dh, CryptoError } from '../../shared/crypto/primitives'
import { verifyEd25519 } from '../../shared/crypto/ed25519'

const dir =
  process.env.TEXTBRIDGE_WYCHEPROOF_DIR ??
  fileURLToPath(new URL('../../../shared/vectors/wycheproof/', import.meta.url))
const present = existsSync(`${dir}/x25519_test.json`) && existsSync(`${dir}/ed25519_test.json`)
if (!present) console.warn(`Wycheproof vectors skipped: folder ${dir} is absent`)

interface Group<T> {
  tests: T[]
  publicKey?: { pk: string }
}
const load = <T>(name: string): Group<T>[] =>
  (JSON.parse(readFileSync(`${dir}/${name}`, 'utf8')) as { testGroups: Group<T>[] }).testGroups

describe.runIf(present)('Wycheproof', () => {
  it('X25519: valid results match, low-order (zero shared secret) inputs are refused', () => {
    let refused = 0
    let checked = 0
    for (const group of load<{
      tcId: number
      public: string
      private: string
      shared: string
      result: string
      flags: string[]
    }>('x25519_test.json')) {
      for (const t of group.tests) {
        const zero = /^0+$/.test(t.shared)
        if (zero) {
          expect(() => dh(fromHex(t.private), fromHex(t.public)), `tc ${t.tcId}`).toThrow(
            CryptoError,
          )
          refused++
        } else {
          // "acceptable" cases (twist points, non-canonical u) follow RFC 7748 and must match too.
          expect(
            Buffer.from(dh(fromHex(t.private), fromHex(t.public))).toString('hex'),
            `tc ${t.tcId}`,
          ).toBe(t.shared)
          checked++
        }
      }
    }
    expect(refused).toBeGreaterThan(20)
    expect(checked).toBeGreaterThan(400)
  })

  it('Ed25519: strict verification agrees with every verdict, malleable signatures refused', () => {
    let count = 0
    for (const group of load<{ tcId: number; msg: string; sig: string; result: string }>(
      'ed25519_test.json',
    )) {
      const pk = fromHex(group.publicKey?.pk ?? '')
      for (const t of group.tests) {
        const sig =
          /^[0-9a-f]*$/.test(t.sig) && t.sig.length % 2 === 0 ? fromHex(t.sig) : new Uint8Array(0)
        expect(verifyEd25519(fromHex(t.msg), sig, pk), `tc ${t.tcId}`).toBe(t.result === 'valid')
        count++
      }
    }
    expect(count).toBeGreaterThan(100)
  })
})
