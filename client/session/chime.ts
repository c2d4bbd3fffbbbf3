/**
 * A short, soft two-tone chime made in the browser (no sound file, no network): the timer's
 * gentle signal at zero. Browsers allow audio only after the page had a user gesture; where
 * that has not happened the flash alone marks the end.
 */
export function chime(): void {
  try {
    const context = new AudioContext()
    const now = context.currentTime
    for (const [i, frequency] of [660, 880].entries()) {
      const oscillator = context.createOscillator()
      const gain = context.createGain()
      oscillator.frequency.value = frequency
      gain.gain.setValueAtTime(0.0001, now + i * 0.25)
      gain.gain.exponentialRampToValueAtTime(0.15, now + i * 0.25 + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.25 + 0.6)
      oscillator.connect(gain).connect(context.destination)
      oscillator.start(now + i * 0.25)
      oscillator.stop(now + i * 0.25 + 0.65)
    }
    window.setTimeout(() => void context.close(), 1500)
  } catch {
    // No audio here: the flash is enough.
  }
}
