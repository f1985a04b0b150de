// Which SIM a text leaves from, on dual-SIM phones only (the field's complaint: "no SIM choice").
import type { SimInfo } from '../../../shared/model'

export function simOptionLabel(sim: SimInfo): string {
  const carrier = sim.carrier !== null && sim.carrier !== sim.label ? ` (${sim.carrier})` : ''
  return `SIM ${sim.slot + 1}: ${sim.label}${carrier}`
}

export function SimPicker(props: {
  sims: readonly SimInfo[]
  value: number | null
  onChange: (subId: number) => void
}) {
  return (
    <label className="sim-picker">
      <span className="visually-hidden">Send from SIM</span>
      <select
        value={props.value ?? ''}
        onChange={(e) => {
          props.onChange(Number(e.target.value))
        }}
      >
        {props.sims.map((sim) => (
          <option key={sim.subId} value={sim.subId}>
            {simOptionLabel(sim)}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The default SIM for a reply: the conversation's, else the phone's default, else the first. */
export function defaultSim(
  sims: readonly SimInfo[],
  conversationSub: number | null,
): number | null {
  if (conversationSub !== null && sims.some((s) => s.subId === conversationSub)) {
    return conversationSub
  }
  return (sims.find((s) => s.isDefault) ?? sims[0])?.subId ?? null
}
