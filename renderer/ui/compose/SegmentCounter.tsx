// The live SMS counter under the compose box: encoding, room left in this part, and how many
// parts the text becomes, with the characters that forced Unicode in the tooltip.
import { MAX_SEND_BODY } from '../../../shared/api/contract'
import { formatCount } from '../../lib/words'
import { countSegments } from '../../lib/sms-segments'

export function SegmentCounter({ text, id }: { text: string; id: string }) {
  if (text.length === 0) return <span id={id} className="segments" />
  if (text.length > MAX_SEND_BODY) {
    return (
      <span id={id} className="segments segments-over">
        Too long: {formatCount(text.length)} of {formatCount(MAX_SEND_BODY)} characters
      </span>
    )
  }
  const count = countSegments(text)
  const why =
    count.encoding === 'UCS-2'
      ? `Unicode because of ${count.nonGsm.join(' ')}: ${count.perPart} characters per part`
      : `GSM-7: ${count.perPart} characters per part`
  return (
    <span
      id={id}
      className={count.encoding === 'UCS-2' ? 'segments segments-ucs2' : 'segments'}
      title={why}
      data-encoding={count.encoding}
      data-parts={count.parts}
    >
      <span className="segments-encoding">{count.encoding}</span> {count.remaining} left ·{' '}
      {count.parts} {count.parts === 1 ? 'part' : 'parts'}
    </span>
  )
}
