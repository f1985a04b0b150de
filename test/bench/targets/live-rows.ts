// Rows of targets 2 and 7 (see live.ts for what is timed).
import type { PipelineFloor } from '../floor/pipeline'
import type { Row } from '../lib/report'
import { summarize } from '../lib/stats'
import type { IncomingSamples, SendSamples } from './live'

export function incomingRows(
  s: IncomingSamples,
  floor: PipelineFloor | null,
  archive: number,
): Row[] {
  const e2e = summarize(s.endToEnd)
  const desktop = summarize(s.desktop)
  const commit = summarize(s.commit)
  const floorTrip = floor === null ? null : summarize(floor.liveRoundTrips)
  const floorDesktop = floor === null ? null : summarize(floor.liveDesktop)
  return [
    {
      target: '2',
      measure: `incoming text (${archive / 1000}k archive): phone change → incoming event p95`,
      value: e2e.p95,
      unit: 'ms',
      detail: `p50 ${e2e.p50.toFixed(2)}, max ${e2e.max.toFixed(1)}, n ${e2e.n}`,
      floor: floorTrip?.p95 ?? null,
      goal: 500,
      goalText: '≤ 500 ms (to UI)',
      note: 'floor: one message encrypt, send, open, parse, commit (row + index entry), ack back, between two processes',
    },
    {
      target: '2',
      measure: 'incoming text: desktop share (frame in → event) p95',
      value: desktop.p95,
      unit: 'ms',
      detail: `p50 ${desktop.p50.toFixed(2)}; archive commit p95 ${commit.p95.toFixed(2)}, p50 ${commit.p50.toFixed(2)}`,
      floor: floorDesktop?.p95 ?? null,
      goal: 20,
      goalText: '≤ 20 ms',
      note: "floor: the minimal desktop's frame in → open, parse, commit",
    },
  ]
}

export function sendRows(s: SendSamples, floor: number[]): Row[] {
  const toPhone = summarize(s.toPhone)
  const api = summarize(s.apiCall)
  const bare = summarize(floor)
  return [
    {
      target: '7',
      measure: 'send: messages.send → phone send handler p95',
      value: toPhone.p95,
      unit: 'ms',
      detail: `p50 ${toPhone.p50.toFixed(2)}; call returned (text + outbox committed) p95 ${api.p95.toFixed(2)}, n ${toPhone.n}`,
      floor: bare.p95,
      goal: 300,
      goalText: '≤ 300 ms (click)',
      note: 'floor: one bare protocol message on the same session, desktop send → phone listener',
    },
  ]
}
