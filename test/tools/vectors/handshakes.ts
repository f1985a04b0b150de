// Pairing and reconnect vectors: both roles run with fixed keys and must agree, and every
// intermediate the Java side needs to debug a mismatch is written out.
import { bytesEqual, toHex } from '../../../shared/bytes'
import {
  PairingInitiator,
  PairingResponder,
  ReconnectInitiator,
  ReconnectResponder,
  encodePayload,
  type HandshakeResult,
} from '../../../shared/protocol'
import { PAIRING_PROTOCOL_NAME, RECONNECT_PROTOCOL_NAME } from '../../../shared/protocol/constants'
import {
  DESKTOP_ID,
  DESKTOP_STATIC,
  PAIRING_ID,
  PHONE_ID,
  PHONE_STATIC,
  QR_SECRET,
  fixedKeyPair,
  keyPairJson,
} from './keys'

function agree(a: HandshakeResult, b: HandshakeResult): void {
  const same =
    bytesEqual(a.keys.desktopToPhone, b.keys.desktopToPhone) &&
    bytesEqual(a.keys.phoneToDesktop, b.keys.phoneToDesktop) &&
    bytesEqual(a.handshakeHash, b.handshakeHash)
  if (!same) throw new Error('the two roles derived different sessions')
}

function sessionJson(r: HandshakeResult): Record<string, string> {
  return {
    handshakeHash: toHex(r.handshakeHash),
    desktopToPhone: toHex(r.keys.desktopToPhone),
    phoneToDesktop: toHex(r.keys.phoneToDesktop),
  }
}

export function pairingVector(): Record<string, unknown> {
  const desktopEphemeral = fixedKeyPair('pairing desktop ephemeral')
  const phoneEphemeral = fixedKeyPair('pairing phone ephemeral')
  const desktopPayload = { name: 'Ada’s laptop', id: DESKTOP_ID }
  const phonePayload = { name: 'Pixel 8', id: PHONE_ID }
  const qr = { pairingId: PAIRING_ID, secret: QR_SECRET }
  const desktop = new PairingInitiator({
    staticKeys: DESKTOP_STATIC,
    ephemeral: desktopEphemeral,
    payload: desktopPayload,
    qr,
  })
  const phone = new PairingResponder({
    staticKeys: PHONE_STATIC,
    ephemeral: phoneEphemeral,
    payload: phonePayload,
    qr,
    desktopStatic: DESKTOP_STATIC.publicKey,
  })
  const init = desktop.writeInit()
  phone.readInit(init)
  const resp = phone.writeResp()
  const result = desktop.readResp(resp)
  agree(result, phone.result())
  if (result.sas !== phone.result().sas) throw new Error('SAS mismatch')
  return {
    protocolName: PAIRING_PROTOCOL_NAME,
    desktopStatic: keyPairJson(DESKTOP_STATIC),
    phoneStatic: keyPairJson(PHONE_STATIC),
    desktopEphemeral: keyPairJson(desktopEphemeral),
    phoneEphemeral: keyPairJson(phoneEphemeral),
    pairingId: toHex(PAIRING_ID),
    secret: toHex(QR_SECRET),
    desktopPayload,
    desktopPayloadBytes: toHex(encodePayload(desktopPayload)),
    phonePayload,
    phonePayloadBytes: toHex(encodePayload(phonePayload)),
    init: toHex(init),
    resp: toHex(resp),
    ...sessionJson(result),
    sas: result.sas,
  }
}

export function reconnectVector(): Record<string, unknown> {
  const desktopEphemeral = fixedKeyPair('reconnect desktop ephemeral')
  const phoneEphemeral = fixedKeyPair('reconnect phone ephemeral')
  const desktop = new ReconnectInitiator({
    staticKeys: DESKTOP_STATIC,
    ephemeral: desktopEphemeral,
    payload: {},
    phoneStatic: PHONE_STATIC.publicKey,
  })
  const phone = new ReconnectResponder({
    staticKeys: PHONE_STATIC,
    ephemeral: phoneEphemeral,
    payload: {},
    isPairedDesktop: (key) => bytesEqual(key, DESKTOP_STATIC.publicKey),
  })
  const init = desktop.writeInit()
  phone.readInit(init)
  const resp = phone.writeResp()
  const result = desktop.readResp(resp)
  agree(result, phone.result())
  return {
    protocolName: RECONNECT_PROTOCOL_NAME,
    desktopStatic: keyPairJson(DESKTOP_STATIC),
    phoneStatic: keyPairJson(PHONE_STATIC),
    desktopEphemeral: keyPairJson(desktopEphemeral),
    phoneEphemeral: keyPairJson(phoneEphemeral),
    desktopPayload: {},
    phonePayload: {},
    init: toHex(init),
    resp: toHex(resp),
    ...sessionJson(result),
  }
}
