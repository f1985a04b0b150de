// Initials on a colour derived from the conversation, or a person glyph for bare numbers and
// a group glyph for group conversations. (The contract has no contact photo method yet.)
import { avatarHue, initialsOf } from '../../lib/initials'

export function Avatar(props: {
  title: string
  seed: string | number
  group?: boolean
  size?: 'small' | 'large'
}) {
  const initials = props.group === true ? null : initialsOf(props.title)
  const className = `avatar avatar-${props.size ?? 'small'} avatar-hue-${avatarHue(props.seed)}`
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
