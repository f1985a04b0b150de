// In the demo, people text the phone every so often, so a newcomer sees texts arrive live (and,
// in Electron, a notification when the window is in the background); every fourth one is a
// picture. Deterministic: the same people, words and pictures in the same order on every run.
import type { Contact } from '../../../shared/protocol'
import type { DemoPhone } from './demo-phone'

const LINES = [
  'Are we still on for tonight?',
  'Running 5 min late, sorry!',
  'Can you send me the address again?',
  'Thanks so much for yesterday 🙏',
  'Did you see the match? ⚽',
  'Your parcel is at the front desk.',
  'Happy Friday! 🎉',
  'Call me when you get a sec',
  'Leaving now, see you there',
  'Ok 👍',
]

/** Captions of the pictures; an empty one is a picture sent without words. */
const PICTURE_LINES = ['Look at this!', '', 'View from the top 🏔️', 'Guess where I am']

export function startChatter(
  phone: DemoPhone,
  contacts: readonly Contact[],
  everyMs: number,
): () => void {
  const numbers = contacts.flatMap((c) => c.numbers.slice(0, 1).map((n) => n.number))
  if (numbers.length === 0) return () => undefined
  let n = 0
  const timer = setInterval(() => {
    const from = numbers[(n * 7) % numbers.length] ?? ''
    const body = LINES[n % LINES.length] ?? ''
    n++
    if (n % 4 === 0) phone.receivePicture(from, PICTURE_LINES[(n / 4) % PICTURE_LINES.length] ?? '')
    else phone.receive(from, body)
  }, everyMs)
  timer.unref()
  return () => {
    clearInterval(timer)
  }
}
