// How many messages each conversation gets: a Zipf-like curve (a few threads hold most
// texts, most threads hold a handful), optionally with one dedicated heavy thread on top.
/**
 * Sizes by rank, biggest first, summing to exactly `messages`, each at least 1. With `heavy`
 * > 0, rank 0 gets exactly `heavy` and the curve is flattened until every other thread is at
 * most half of it, so "the 100k thread" stays the one big thread.
 */
export function allocateSizes(messages: number, conversations: number, heavy: number): number[] {
  if (conversations === 0) return []
  if (conversations === 1) return [messages]
  const sizes = new Array<number>(conversations).fill(1)
  const first = heavy > 0 ? 1 : 0
  if (heavy > 0) sizes[0] = heavy
  const ranks = conversations - first
  const rest = messages - (heavy > 0 ? heavy : 0) - ranks
  // Weights 1/(i + c): c = 1 is classic Zipf; a larger c flattens the head. Only + - * / are
  // used, so the result is bit-identical on every engine.
  let c = 1
  const total = (shift: number): number => {
    let t = 0
    for (let i = 0; i < ranks; i++) t += 1 / (i + shift)
    return t
  }
  let weightSum = total(c)
  while (heavy > 0 && rest / c / weightSum + 1 > heavy / 2 && c < 1e9) {
    c *= 2
    weightSum = total(c)
  }
  const fractions = new Float64Array(ranks)
  let given = 0
  for (let i = 0; i < ranks; i++) {
    const exact = (rest * (1 / (i + c))) / weightSum
    const whole = Math.floor(exact)
    sizes[first + i] = 1 + whole
    fractions[i] = exact - whole
    given += whole
  }
  // Largest remainder: the leftover units go to the biggest fractional parts (ties by rank).
  const order = Array.from({ length: ranks }, (_, i) => i)
  order.sort((a, b) => (fractions[b] ?? 0) - (fractions[a] ?? 0) || a - b)
  for (let k = 0; k < rest - given; k++) {
    const i = order[k % ranks] ?? 0
    sizes[first + i] = (sizes[first + i] ?? 1) + 1
  }
  return sizes
}
