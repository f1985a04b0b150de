// Writes the QR fixture the Android tests decode: a pairing payload drawn by the same `qrcode`
// library and options the desktop's pairing screen uses, as a PNG, with the payload beside it.
// Run: npx tsx test/tools/make-qr-fixture.ts
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import QRCode from 'qrcode'
import { encodeQrPayload } from '../../shared/protocol'
import { DESKTOP_STATIC, PAIRING_ID, QR_SECRET } from './vectors/keys'

const dir = fileURLToPath(
  new URL('../../companion-android/app/src/test/resources/qr/', import.meta.url),
)
// Fixed inputs (the vectors' keys) and a fixed expiry, so the fixture never changes; the Java
// test parses it with a clock set just before that expiry.
const uri = encodeQrPayload({
  version: 1,
  pairingId: PAIRING_ID,
  desktopStatic: DESKTOP_STATIC.publicKey,
  secret: QR_SECRET,
  expiresAt: 1_700_000_120,
  name: 'Ada’s laptop',
})
const png = await QRCode.toBuffer(uri, {
  errorCorrectionLevel: 'M',
  margin: 4,
  scale: 6,
  type: 'png',
})
writeFileSync(`${dir}desktop-qr.png`, png)
writeFileSync(`${dir}desktop-qr.txt`, `${uri}\n`)
console.log(`wrote desktop-qr.png (${png.length} bytes) for ${uri.length}-character payload`)
