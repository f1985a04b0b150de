// npm run vectors: (re)writes shared/protocol/vectors/*.json from fixed inputs.
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildVectors } from './vectors'

export const VECTOR_DIR = fileURLToPath(new URL('../../shared/protocol/vectors/', import.meta.url))

mkdirSync(VECTOR_DIR, { recursive: true })
for (const [name, text] of Object.entries(buildVectors())) {
  writeFileSync(VECTOR_DIR + name, text)
  console.log(`wrote ${name} (${text.length} bytes)`)
}
