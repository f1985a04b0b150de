// Immutable helpers for the store's id-keyed records.

/** A copy of `record` without `key`. */
export function without<V>(
  record: Readonly<Record<number, V>>,
  key: number,
): Readonly<Record<number, V>> {
  if (!(key in record)) return record
  const copy: Record<number, V> = {}
  for (const [k, v] of Object.entries(record)) if (Number(k) !== key) copy[Number(k)] = v
  return copy
}
