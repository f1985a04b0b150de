// The pairing QR, encoded by the qrcode package and drawn as one SVG path: crisp at any size
// and zoom, dark on light with the standard four-module quiet zone even in the dark theme
// (phone cameras read inverted codes badly).
import { useMemo } from 'react'
import { create } from 'qrcode/lib/core/qrcode.js'

const QUIET = 4

export function qrPath(uri: string): { path: string; size: number } {
  const { modules } = create(uri, { errorCorrectionLevel: 'M' })
  const n = modules.size
  let path = ''
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      // Runs of dark modules become one rectangle: a far shorter path than one per module.
      if (modules.data[row * n + col] !== 1) continue
      let run = 1
      while (col + run < n && modules.data[row * n + col + run] === 1) run++
      path += `M${col + QUIET} ${row + QUIET}h${run}v1h-${run}z`
      col += run - 1
    }
  }
  return { path, size: n + QUIET * 2 }
}

export function QrCode({ uri }: { uri: string }) {
  const { path, size } = useMemo(() => qrPath(uri), [uri])
  return (
    <svg
      className="qr-code"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label="Pairing code for the phone’s camera"
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
