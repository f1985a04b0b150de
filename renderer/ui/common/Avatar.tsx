// The contact's photo when the phone has one; otherwise initials on a colour derived from the
// conversation, a person glyph for bare numbers, or a group glyph for group conversations.
import { avatarHue, initialsOf } from '../../lib/initials'

export function Avatar(props: {
  title: string
  seed: string | number
  group?: boolean
  size?: 'small' | 'large'
  /** A data: URL of the contact's photo (ContactAvatar loads it). */
  photo?: string | null
}) {
  const initials = props.group === true ? null : initialsOf(props.title)
  const className = `avatar avatar-${props.size ?? 'small'} avatar-hue-${avatarHue(props.seed)}`
  if (props.photo !== undefined && props.photo !== null && props.group !== true) {
    return (
      <span className={`${className} avatar-with-photo`} aria-hidden="true">
        <img className="avatar-photo" src={props.photo} alt="" draggable={false} />
      </span>
    )
  }
  return (
    <span className={className} aria-hidden="true">
      {initials ?? (
        <svg viewBox="0 0 24 24" focusable="false">
          {props.group === true ? (
            <path
              fill="currentColor"
              d="M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zm7 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM9 13c-3.3 0-6 1.6-6 3.5V19h12v-2.5C15 14.6 12.3 13 9 13zm7 0c-.5 0-1 .1-1.4.1 1.5.9 2.4 2 2.4 3.4V19h4v-2.5c0-1.9-2.2-3.5-5-3.5z"
            />
          ) : (
            <path
              fill="currentColor"
              d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-4 0-7 2-7 4.5V20h14v-1.5C19 16 16 14 12 14z"
            />
          )}
        </svg>
      )}
    </span>
  )
}
