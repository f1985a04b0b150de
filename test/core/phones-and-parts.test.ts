// More of the desktop core end to end: several phones in one inbox, deletions on the phone
// mirrored live, MMS pictures fetched on demand then served from the archive's cache, and
// contact photos.
import { afterEach, describe, expect, it } from 'vitest'
import { StaticFinder } from '../../electron/core/discovery/discovery'
import { generateHistory } from '../../electron/demo/generate'
import { startDemo, type RunningDemo } from '../../electron/demo/demo-setup'
import { silentLogger } from '../../electron/core/log'
import { allConversations, storedCounts } from '../support/archive-walk'
import { pair, startHarness, synced, type Harness } from '../support/core-harness'

let h: Harness | null = null
const extra: RunningDemo[] = []
afterEach(async () => {
  await h?.stop()
  h = null
  for (const d of extra.splice(0)) await d.stop()
})

describe('desktop core, more end to end', () => {
  it('keeps two paired phones in one inbox, each row tagged with its phone', async () => {
    const historyA = generateHistory({
      messages: 300,
      conversations: 12,
      seed: 41,
      deviceName: 'Pixel A',
    })
    const historyB = generateHistory({
      messages: 200,
      conversations: 8,
      seed: 42,
      deviceName: 'Galaxy B',
    })
    const a = await startDemo({ history: historyA, log: silentLogger, chatterMs: null })
    const b = await startDemo({ history: historyB, log: silentLogger, chatterMs: null })
    extra.push(b)
    const finder = new StaticFinder()
    const both = () => finder.set([...a.finder.phones(), ...b.finder.phones()])
    a.finder.on('change', both)
    b.finder.on('change', both)
    both()
    h = await startHarness({ history: historyA, demo: a, finder })
    const idA = await pair(h)
    const shown = await h.call('pairing.start', {})
    if (shown.step !== 'showing_qr') throw new Error(shown.step)
    b.scan(shown.uri)
    const idB = await h.until(async () => {
      const state = await h!.call('pairing.get', {})
      return state.step === 'paired' && state.deviceId !== idA ? state.deviceId : undefined
    })
    await synced(h, idA)
    await synced(h, idB)
    const conversations = await allConversations(h.core.archive)
    expect(conversations.filter((c) => c.deviceId === idA)).toHaveLength(12)
    expect(conversations.filter((c) => c.deviceId === idB)).toHaveLength(8)
    const onlyB = await h.call('conversations.list', { deviceId: idB, limit: 50 })
    expect(onlyB.items.every((c) => c.deviceId === idB)).toBe(true)
    const status = await h.call('status.get', {})
    expect(status.devices.map((d) => d.name).sort()).toEqual(['Galaxy B', 'Pixel A'])
    await h.call('devices.unpair', { deviceId: idB })
    expect(b.phone.pairedDesktops).toEqual([])
    expect((await h.call('devices.list', {})).find((d) => d.id === idB)?.unpairedAt).not.toBeNull()
    // The archive of an unpaired phone is kept.
    expect((await allConversations(h.core.archive)).filter((c) => c.deviceId === idB)).toHaveLength(
      8,
    )
  }, 120_000)

  it('mirrors a deletion on the phone, live', async () => {
    const history = generateHistory({ messages: 200, conversations: 5, seed: 43 })
    h = await startHarness({ history })
    const deviceId = await pair(h)
    await synced(h, deviceId)
    const before = (await storedCounts(h.core.archive)).messages
    const newest = h.demo.phone.store.ordered[0]!
    expect(h.demo.phone.store.delete(newest.id)).toBe(true)
    await h.until(async () =>
      (await storedCounts(h!.core.archive)).messages === before - 1 ? true : undefined,
    )
  }, 60_000)

  it('fetches an MMS picture from the phone once, then serves it from the archive', async () => {
    const history = generateHistory({ messages: 400, conversations: 10, seed: 44, pictures: 6 })
    const withData = history.messages.flatMap((m) => m.parts).find((p) => p.data !== null)!
    h = await startHarness({ history })
    const deviceId = await pair(h)
    await synced(h, deviceId)
    let found: { messageId: number; partId: string } | null = null
    for (const c of await allConversations(h.core.archive)) {
      const page = await h.call('messages.list', { conversationId: c.id, limit: 500 })
      const m = page.items.find((x) => x.attachments.some((p) => p.partId === withData.partId))
      if (m !== undefined) found = { messageId: m.id, partId: withData.partId }
    }
    expect(found).not.toBeNull()
    const first = await h.call('attachments.get', found!)
    expect(first).toEqual({ mime: withData.mime, data: withData.data })
    await h.demo.phone.stop()
    const again = await h.call('attachments.get', found!)
    expect(again.data).toBe(withData.data)
  }, 60_000)

  it("serves contact photos from the phone's address book, and only real pictures", async () => {
    const history = generateHistory({ messages: 400, conversations: 30, seed: 45 })
    const withPhoto = history.contacts.filter((c) => c.photo !== null)
    const without = history.contacts.filter((c) => c.photo === null)
    expect(withPhoto.length).toBeGreaterThan(1)
    expect(without.length).toBeGreaterThan(0)
    // A phone's photo column holding something else must never reach the window as an image.
    const hostile = withPhoto.pop()!
    const hostileId = hostile.id
    ;(hostile as { photo: string | null }).photo =
      Buffer.from('<svg onload="x()"/>').toString('base64')
    h = await startHarness({ history })
    const deviceId = await pair(h)
    await synced(h, deviceId)
    const contactIds = new Set((await allConversations(h.core.archive)).map((c) => c.contactId))
    const shown = withPhoto.filter((c) => contactIds.has(c.id))
    expect(shown.length).toBeGreaterThan(0)
    for (const c of shown) {
      const photo = await h.call('contacts.photo', { deviceId, contactId: c.id })
      expect(photo).toEqual({ mime: 'image/png', data: c.photo })
    }
    const plain = without[0]!
    expect(await h.call('contacts.photo', { deviceId, contactId: plain.id })).toBeNull()
    expect(await h.call('contacts.photo', { deviceId, contactId: hostileId })).toBeNull()
  }, 60_000)
})
