// The desktop's long-term identity: its static X25519 key pair, created once and kept in a vault.
import { generateKeyPair, keyPairFromSecret, type KeyPair } from '../../../shared/crypto/primitives'
import type { KeyVault } from './key-vault'

export async function loadOrCreateIdentity(vault: KeyVault): Promise<KeyPair> {
  const secret = await vault.load()
  if (secret !== null) return keyPairFromSecret(secret)
  const keys = generateKeyPair()
  await vault.save(keys.secretKey)
  return keys
}
