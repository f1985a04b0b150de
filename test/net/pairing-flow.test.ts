import { afterEach, describe, expect, it } from 'vitest'
import { toHex } from '../../shared/bytes'
import { generateKeyPair } from '../../shared/crypto/primitives'
import type { PairingResult } from '../../shared/protocol'
import { StaticFinder } from '../../electron/core/discovery/discovery'
import { DemoPhone } from '../../electron/demo/phone/demo-phone'
import { silentLogger } from '../../electron/core/log'
import { dialPhone, type Dialled, type DialOptions } from '../../electron/core/net/dial'
import {
  PairingFlow,
  type NewPairing,
  type PairingState,
} from '../../electron/core/pairing/pairing-flow'
import { DESKTOP_HELLO } from '../support/phone-fixture'
import { tinyHistory } from '../support/tiny-history'

let phone: DemoPhone | null = null
afterEach(async () => {
  await phone?.stop()
  phone = null
})

function setup(
  options: {
    confirm?: (sas: string) => Promise<boolean>
    onPaired?: (p: NewPairing) => 'ok' | 'key_mismatch'
  } = {},
) {
  phone = new DemoPhone({
    history: tinyHistory(),
    log: silentLogger,
    ...(options.confirm === undefined
      ? { confirm: () => Promise.resolve(true) }
      : { confirm: options.confirm }),
  })
  const finder = new StaticFinder()
  const paired: NewPairing[] = []
  const flow = new PairingFlow({
    identity: generateKeyPair(),
    desktopName: 'Test desktop',
    desktopId: 'd'.repeat(32),
    hello: DESKTOP_HELLO,
    finder,
    dial: (o: DialOptions) => dialPhone(o) as Promise<Dialled<PairingResult>>,
    log: silentLogger,
    now: Date.now,
    onPaired: (p) => {
      paired.push(p)
      return Promise.resolve(options.onPaired?.(p) ?? 'ok')
    },
  })
  const states: PairingState[] = []
  flow.on('state', (s) => states.push(s))
  return { flow, finder, paired, states }
}

function until(flow: PairingFlow, step: PairingState['step']): Promise<PairingState> {
  return new Promise((resolve) => {
    if (flow.state.step === step) resolve(flow.state)
    flow.on('state', (s) => {
      if (s.step === step) resolve(s)
    })
  })
}

/** The phone scans the QR on screen and starts advertising its pairing tag. */
function scanAndAdvertise(p: DemoPhone, finder: StaticFinder, uri: string) {
  p.scan(uri)
  finder.set([
    {
      versions: [1],
      instanceId: p.instanceId,
      pairingTag: p.pairingTag,
      host: '127.0.0.1',
      port: p.port,
      seenAt: Date.now(),
    },
  ])
}

describe('desktop pairing flow with the demo phone', () => {
  it('shows a QR, finds the phone by its pairing tag, shows the code, and pairs on confirmation', async () => {
    const { flow, finder, paired, states } = setup()
    await phone!.start()
    flow.start()
    const shown = flow.state
    expect(shown.step).toBe('showing_qr')
    const sasOnPhone = new Promise<string>((resolve) =>
      phone!.on((e) => {
        if (e.type === 'pairing') resolve(e.sas)
      }),
    )
    scanAndAdvertise(phone!, finder, shown.step === 'showing_qr' ? shown.uri : '')
    const done = await until(flow, 'paired')
    expect(done).toMatchObject({
      step: 'paired',
      deviceId: phone!.instanceId,
      phoneName: 'Test Pixel',
    })
    const confirm = states.find((s) => s.step === 'confirm')
    expect(confirm?.step === 'confirm' && confirm.sas).toBe(await sasOnPhone)
    expect(toHex(paired[0]!.staticKey)).toBe(toHex(phone!.publicKey))
    expect(phone!.pairedDesktops).toEqual(['Test desktop'])
  })

  it('fails when the phone’s user rejects the code, and offers a new QR', async () => {
    const { flow, finder, paired } = setup({ confirm: () => Promise.resolve(false) })
    await phone!.start()
    flow.start()
    const first = flow.state.step === 'showing_qr' ? flow.state.uri : ''
    scanAndAdvertise(phone!, finder, first)
    expect(await until(flow, 'failed')).toMatchObject({ reason: 'rejected_on_phone' })
    expect(paired).toHaveLength(0)
    expect(phone!.pairedDesktops).toHaveLength(0)
    flow.start()
    expect(flow.state.step === 'showing_qr' && flow.state.uri).not.toBe(first)
  })

  it('refuses a phone id already paired with another key, storing nothing new', async () => {
    const { flow, finder } = setup({ onPaired: () => 'key_mismatch' })
    await phone!.start()
    flow.start()
    scanAndAdvertise(phone!, finder, flow.state.step === 'showing_qr' ? flow.state.uri : '')
    expect(await until(flow, 'failed')).toMatchObject({ reason: 'key_mismatch' })
  })

  it('pairs by typed address when discovery sees nothing', async () => {
    const { flow } = setup()
    await phone!.start()
    flow.start()
    phone!.scan(flow.state.step === 'showing_qr' ? flow.state.uri : '')
    flow.connectTo('127.0.0.1', phone!.port)
    expect((await until(flow, 'paired')).step).toBe('paired')
  })

  it('reports a phone that has not scanned this QR as refused, and burns the QR', async () => {
    const { flow } = setup()
    await phone!.start()
    flow.start()
    const uri = flow.state.step === 'showing_qr' ? flow.state.uri : ''
    flow.connectTo('127.0.0.1', phone!.port)
    expect(await until(flow, 'failed')).toMatchObject({ reason: 'refused' })
    flow.start()
    expect(flow.state.step === 'showing_qr' && flow.state.uri).not.toBe(uri)
  })
})
