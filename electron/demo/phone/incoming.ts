// Texts and pictures that reach the demo phone while it runs: what the provider's new row looks
// like, so paired desktops see it live. Pictures are small generated PNGs, the same on every run.
import { makePicture } from '../generate/png'
import { Rng } from '../generate/random'
import type { PhoneStore, StoredMessage } from './phone-store'

export interface Arrival {
  readonly from: string
  readonly body: string
  readonly subId: number | null
  readonly date: number
}

/** Stores a text someone sent the phone; answers its provider id. */
export function receiveText(store: PhoneStore, a: Arrival): string {
  const id = store.allocateId('sms')
  store.upsert({ ...incomingRow(store, id, a, 'sms'), parts: [] })
  return id
}

/** Stores a picture message someone sent the phone (the `n`th of this run). */
export function receivePicture(store: PhoneStore, a: Arrival, n: number): string {
  const id = store.allocateId('mms')
  const png = makePicture(Rng.stream(n, 'live-pictures'))
  const data = Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString('base64')
  const part = { partId: `${id}:1`, mime: 'image/png', size: png.length, name: `IMG_${n + 1}.png` }
  store.upsert({ ...incomingRow(store, id, a, 'mms'), parts: [{ ...part, data }] })
  return id
}

function incomingRow(
  store: PhoneStore,
  id: string,
  a: Arrival,
  kind: 'sms' | 'mms',
): Omit<StoredMessage, 'parts'> {
  return {
    id,
    kind,
    threadId: store.threadFor([a.from]),
    box: 'inbox',
    addresses: [a.from],
    sender: a.from,
    date: a.date,
    dateSent: a.date - 1500,
    body: a.body,
    read: false,
    status: 'none',
    subId: a.subId,
    sendKey: null,
  }
}
