import { useEffect, useState } from 'react'
import QRCode from 'qrcode'

/** The QR code is rendered in the browser as SVG: no image service, no network call. */
export function QrCode({ value, label }: { value: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    QRCode.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (markup) => {
        if (!cancelled) setSvg(markup)
      },
      // Too much text for a QR code: show none; the link itself is next to it.
      () => {
        if (!cancelled) setSvg(null)
      },
    )
    return () => {
      cancelled = true
    }
  }, [value])
  if (!svg) return null
  return (
    <figure className="qr">
      <div role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{label}</figcaption>
    </figure>
  )
}
