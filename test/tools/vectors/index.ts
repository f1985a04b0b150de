// Builds every golden vector file in memory. The generator writes them; the vector test
// rebuilds them and demands byte equality with what is committed.
import { pairingVector, reconnectVector } from './handshakes'
import { primitivesVector } from './primitives'
import { discoveryVector, qrVector } from './qr-discovery'
import { framesVector, messagesVector } from './session'

export function buildVectors(): Record<string, string> {
  const pairing = pairingVector()
  const files: Record<string, unknown> = {
    'primitives.json': primitivesVector(),
    'pairing.json': pairing,
    'reconnect.json': reconnectVector(),
    'frames.json': framesVector(pairing),
    'messages.json': messagesVector(),
    'qr.json': qrVector(),
    'discovery.json': discoveryVector(),
  }
  return Object.fromEntries(
    Object.entries(files).map(([name, value]) => [name, `${JSON.stringify(value, null, 2)}\n`]),
  )
}
