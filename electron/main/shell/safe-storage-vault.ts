// The desktop's key at rest in Electron: encrypted with safeStorage (the OS keychain: Keychain,
// DPAPI, libsecret/kwallet). On Linux safeStorage can fall back to a hard-coded password
// ("basic_text"); then the key is only obscured, and the UI says so rather than pretend.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { safeStorage } from 'electron'
import { fromHex, toHex } from '../../../shared/bytes'
import { KeyVaultError, type KeyVault, type VaultProtection } from '../../core/identity/key-vault'

export class SafeStorageVault implements KeyVault {
  readonly protection: VaultProtection
  readonly warning: string | null

  constructor(private readonly path: string) {
    const weak =
      process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'
    this.protection = weak ? 'plaintext-file' : 'os-keychain'
    this.warning = weak
      ? 'No system keychain was found, so your pairing key is stored with weak protection. Install and unlock a keyring (GNOME Keyring or KWallet) to protect it.'
      : null
  }

  async load(): Promise<Uint8Array | null> {
    let blob: Buffer
    try {
      blob = await readFile(this.path)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
    await this.requireEncryption()
    const { result: hex, shouldReEncrypt } = await safeStorage.decryptStringAsync(blob)
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new KeyVaultError('corrupt', 'unreadable key')
    const secret = fromHex(hex)
    // The OS rotated its key or now offers a stronger one: store the key again under it.
    if (shouldReEncrypt) await this.save(secret)
    return secret
  }

  async save(secret: Uint8Array): Promise<void> {
    await this.requireEncryption()
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 })
    const temp = `${this.path}.tmp`
    await writeFile(temp, await safeStorage.encryptStringAsync(toHex(secret)), { mode: 0o600 })
    await rename(temp, this.path)
  }

  private async requireEncryption(): Promise<void> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      throw new KeyVaultError('unavailable', 'the system keychain is not available')
    }
  }
}
