// Strict Ed25519 verification. Protocol v1 signs nothing, but the verifier is kept reviewed
// (Wycheproof-tested) for a later version. tweetnacl alone accepts some non-canonical
// signatures (s >= L), which would make signatures malleable; we refuse them first.
import nacl from 'tweetnacl'

// L = 2^252 + 27742317777372353535851937790883648493, little-endian.
const L = Uint8Array.from([
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
])

/** True when the 32-byte little-endian scalar is strictly below the group order L. */
export function isCanonicalScalar(s: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    const a = s[i] ?? 0
    const b = L[i] ?? 0
    if (a < b) return true
    if (a > b) return false
  }
  return false
}

export function verifyEd25519(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  if (signature.length !== nacl.sign.signatureLength) return false
  if (publicKey.length !== nacl.sign.publicKeyLength) return false
  if (!isCanonicalScalar(signature.subarray(32))) return false
  return nacl.sign.detached.verify(message, signature, publicKey)
}
