// A clock for countdowns and relative times. Components that show "in 4 s" re-render on their
// own tick; nothing else pays for it.
import { useEffect, useState } from 'react'

export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    setNow(Date.now())
    const timer = setInterval(() => {
      setNow(Date.now())
    }, intervalMs)
    return () => {
      clearInterval(timer)
    }
  }, [intervalMs, active])
  return now
}
