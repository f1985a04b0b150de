// Address-book suggestions for the "To" field as the user types, newest answer only.
import { useEffect, useState } from 'react'
import type { ContactSummary } from '../../../shared/model'
import { useServices } from '../../store/context'

export function useContactSearch(deviceId: string | null, text: string): readonly ContactSummary[] {
  const { api } = useServices()
  const [found, setFound] = useState<readonly ContactSummary[]>([])
  useEffect(() => {
    const query = text.trim()
    if (query.length === 0 || deviceId === null) {
      setFound([])
      return
    }
    let live = true
    api.contacts.search({ deviceId, text: query.slice(0, 64), limit: 8 }).then(
      (contacts) => {
        if (live) setFound(contacts)
      },
      (e: unknown) => {
        // Suggestions are a convenience: a typed number still works without them.
        console.warn('contacts.search failed', e)
        if (live) setFound([])
      },
    )
    return () => {
      live = false
    }
  }, [api, deviceId, text])
  return found
}
