// Where the desktop's static secret key lives at rest. In Electron the vault is backed by
// safeStorage (electron/main/shell/safe-storage-vault.ts); in web mode by a 0600 file, and the
// UI shows that this is weaker, because a user must never believe a file is a keychain.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import { fromHex, toHex } from '../../../shared/bytes'
import { CodedError } from '../../../shared/errors'

export type VaultProtection = 'os-keychain' | 'plaintext-file'

export interface KeyVault {
  readonly protection: VaultProtection
  /** Why the protection is weak, for the UI; null when the OS protects the key. */
  readonly warning: string | null
  load(): Promise<Uint8Array | null>
  save(secret: Uint8Array): Promise<void>
}

export class KeyVaultError extends CodedError<'corrupt' | 'unavailable'> {
  override readonly name = 'KeyVaultError'
}

const fileSchema = z.object({
  version: z.literal(1),
  secretKey: z.string().regex(/^[0-9a-f]{64}$/),
})

/** A key file readable only by its owner. Written atomically (temp file, then rename). */
export class FileKeyVault implements KeyVault {
  readonly protection = 'plaintext-file'
  readonly warning =
    'Your pairing key is stored in a file readable only by your user account, not in the system keychain.'

  constructor(private readonly path: string) {}

  async load(): Promise<Uint8Array | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
    const parsed = fileSchema.safeParse(safeJson(text))
    if (!parsed.success) throw new KeyVaultError('corrupt', `unreadable key file ${this.path}`)
    return fromHex(parsed.data.secretKey)
  }

  async save(secret: Uint8Array): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 })
    const temp = `${this.path}.tmp`
    await writeFile(temp, JSON.stringify({ version: 1, secretKey: toHex(secret) }), { mode: 0o600 })
    await chmod(temp, 0o600)
    await rename(temp, this.path)
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
