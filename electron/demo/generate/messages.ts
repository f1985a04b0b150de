// Turns the timeline into SmsMessage records, one at a time and in date order, so a million
// of them can be streamed without ever being held together.
import type { HistoryMessage, HistoryPart } from '../../../shared/history/schema'
import {
  businessBody,
  caption,
  groupBody,
  longBody,
  OWNER_NAME,
  personalBody,
  unknownBody,
} from './bodies'
import type { GenerateOptions } from './options'
import type { Conversation, Plan } from './plan'
import { makePicture } from './png'
import { Rng } from './random'
import { HUGE, LONG, OUT, UNREAD, utcOffset, type Pictures, type Timeline } from './timeline'

const pad = (n: number): string => String(n).padStart(2, '0')

/** Camera-style file name from the local time the picture was taken. */
function pictureName(date: number, tz: number, k: number, ext: string): string {
  const d = new Date(date + tz)
  const day = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`
  const time = `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  return `IMG_${day}_${time}${k > 1 ? `_${k}` : ''}.${ext}`
}

function makeParts(id: string, pics: Pictures, date: number, tz: number, rng: Rng): HistoryPart[] {
  const parts: HistoryPart[] = []
  for (let k = 1; k <= pics.ok + pics.missing; k++) {
    const partId = `${id}:${k}`
    if (k > pics.ok) {
      // Expired on the carrier's server or deleted: the runner answers not_found.
      const size = rng.between(150_000, 4_000_000)
      parts.push({
        partId,
        mime: 'image/jpeg',
        size,
        name: pictureName(date, tz, k, 'jpg'),
        data: null,
      })
      continue
    }
    const png = makePicture(rng)
    const data = Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString('base64')
    parts.push({
      partId,
      mime: 'image/png',
      size: png.length,
      name: pictureName(date, tz, k, 'png'),
      data,
    })
  }
  return parts
}

/** How long an incoming text took from the sender's handset to this phone. */
function deliveryDelay(rng: Rng): number {
  const x = rng.float()
  if (x < 0.9) return rng.between(500, 20_000)
  if (x < 0.99) return rng.between(60_000, 3_600_000) // queued in the network
  if (x < 0.998) return rng.between(3_600_000, 12 * 3_600_000) // phone was off
  return -rng.between(1000, 90_000) // the sender's clock runs ahead
}

/** Delivery report state of an outgoing SMS, as Android's provider keeps it. */
function sentStatus(rng: Rng): HistoryMessage['status'] {
  const x = rng.float()
  return x < 0.55 ? 'complete' : x < 0.88 ? 'none' : x < 0.99 ? 'pending' : 'failed'
}

function otherSim(o: GenerateOptions, subId: number | null): number | null {
  if (o.sims < 2) return subId
  return subId === 1 ? 3 : 1
}

export function* buildMessages(
  plan: Plan,
  timeline: Timeline,
  o: GenerateOptions,
): Generator<HistoryMessage> {
  const rng = Rng.stream(o.seed, 'messages')
  const pictureRng = Rng.stream(o.seed, 'pictures')
  const tz = utcOffset(o)
  const started = new Uint8Array(plan.conversations.length)
  let smsId = 0
  let mmsId = 0
  for (const i of timeline.order) {
    const ci = timeline.conv[i] ?? 0
    const c = plan.conversations[ci] as Conversation
    const flags = timeline.flags[i] ?? 0
    const date = timeline.date[i] ?? 0
    const out = (flags & OUT) !== 0
    const pics = timeline.pictures.get(i)
    const kind = c.kind === 'group' || pics !== undefined || flags & HUGE ? 'mms' : 'sms'
    // Ids grow with time; a few are skipped, as deleted messages leave gaps on a real phone.
    const step = rng.chance(0.02) ? rng.between(2, 6) : 1
    const id = kind === 'sms' ? `sms:${(smsId += step)}` : `mms:${(mmsId += step)}`

    let addresses: string[]
    let sender: string | null = null
    let speaker = c.people[0]
    if (c.kind === 'business') {
      addresses = [c.sender]
      sender = c.sender
    } else if (c.kind === 'group') {
      addresses = c.people.map((p) => p.e164)
      // Providers do not promise an order for MMS addresses; now and then it differs.
      if (rng.chance(0.15)) addresses.push(addresses.shift() ?? '')
      if (!out) speaker = rng.pick(c.people)
      if (!out) sender = speaker?.e164 ?? null
    } else if (speaker) {
      // The same person under two spellings: texts out as typed, texts in as the network
      // delivers them (now and then in the other network form, E.164 instead of national).
      const p = speaker
      let address = rng.chance(0.97) ? p.inbound : p.e164
      if (out && rng.chance(0.8)) address = p.outbound
      addresses = [address]
      if (!out) sender = address
    } else {
      throw new Error('conversation without participants')
    }

    const to = !out ? OWNER_NAME : c.kind === 'group' ? 'all' : (speaker?.name?.given ?? 'there')
    const voice = speaker?.voice ?? { culture: 'en', nativeShare: 0 }
    let body: string
    if (flags & HUGE) body = longBody(rng, 12_000 + rng.int(8000))
    else if (flags & LONG) body = longBody(rng, 1000 + rng.int(1500))
    else if (pics) body = caption(rng, to)
    else if (c.kind === 'business') body = businessBody(rng, c.business)
    else if (c.kind === 'unknown') body = unknownBody(rng, started[ci] === 0, to)
    else if (c.kind === 'group') body = groupBody(rng, voice, to)
    else body = personalBody(rng, voice, to)
    started[ci] = 1

    const dateSent = out ? null : Math.max(0, date - deliveryDelay(rng))

    const failed = out && rng.chance(0.004)
    const subId = c.subId !== null && rng.chance(0.06) ? otherSim(o, c.subId) : c.subId
    yield {
      id,
      kind,
      threadId: timeline.threadIds[ci] ?? 0,
      box: out ? (failed ? 'failed' : 'sent') : 'inbox',
      addresses,
      sender,
      date,
      dateSent,
      body,
      read: (flags & UNREAD) === 0,
      status:
        !out || kind === 'mms' ? (failed ? 'failed' : 'none') : failed ? 'failed' : sentStatus(rng),
      subId,
      parts: pics ? makeParts(id, pics, date, tz, pictureRng) : [],
    }
  }
}
