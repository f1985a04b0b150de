// A conversation's avatar with its contact's photo, fetched when the row is first drawn (the
// virtual list mounts only the rows on screen) and cached for every later row and pane.
import { useEffect, useState } from 'react'
import type { Conversation } from '../../../shared/model'
import type { Api } from '../../api/facade'
import { PhotoCache } from '../../lib/photo-cache'
import { useServices } from '../../store/context'
import { Avatar } from './Avatar'

const caches = new WeakMap<Api, PhotoCache>()

function cacheFor(api: Api): PhotoCache {
  let cache = caches.get(api)
  if (cache === undefined) {
    cache = new PhotoCache()
    caches.set(api, cache)
  }
  return cache
}

export function useContactPhoto(
  deviceId: Conversation['deviceId'],
  contactId: string | null,
): string | null {
  const { api } = useServices()
  const cache = cacheFor(api)
  const key = contactId === null ? null : `${deviceId}/${contactId}`
  const [photo, setPhoto] = useState<string | null>(() =>
    key === null ? null : (cache.peek(key) ?? null),
  )
  useEffect(() => {
    if (key === null || contactId === null) {
      setPhoto(null)
      return
    }
    let live = true
    void cache
      .load(key, () => api.contacts.photo({ deviceId, contactId }))
      .then((url) => {
        if (live) setPhoto(url)
      })
    return () => {
      live = false
    }
  }, [api, cache, key, deviceId, contactId])
  return photo
}

export function ContactAvatar({
  conversation: c,
  size,
}: {
  conversation: Pick<Conversation, 'id' | 'deviceId' | 'title' | 'participants' | 'contactId'>
  size?: 'small' | 'large'
}) {
  const group = c.participants.length > 1
  const photo = useContactPhoto(c.deviceId, group ? null : c.contactId)
  return <Avatar title={c.title} seed={c.id} group={group} photo={photo} size={size ?? 'small'} />
}
