/**
 * Who this browser is on boards: a display name and colour chosen once and remembered locally,
 * plus a random id that keys tldraw's user preferences (so the editor recognises its own
 * presence). No account, nothing sent to the server but what awareness shows others.
 */
export interface Identity {
  id: string
  name: string
  colour: string
}

export const IDENTITY_STORAGE_KEY = 'regiebord.identity'

/** Colours from tldraw's palette family, readable as cursor colours on a white canvas. */
export const COLOURS = ['#e03131', '#f76707', '#e8590c', '#2f9e44', '#1971c2', '#6741d9', '#c2255c', '#0c8599'] as const

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export function loadIdentity(): Identity | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(IDENTITY_STORAGE_KEY) ?? 'null') as Partial<Identity> | null
    if (parsed && typeof parsed.id === 'string' && typeof parsed.name === 'string' && parsed.name.trim() && typeof parsed.colour === 'string') {
      return { id: parsed.id, name: parsed.name, colour: parsed.colour }
    }
  } catch {
    // A corrupted entry just means asking again.
  }
  return null
}

export function saveIdentity(name: string, colour: string): Identity {
  const identity = { id: loadIdentity()?.id ?? randomId(), name: name.trim().slice(0, 60), colour }
  localStorage.setItem(IDENTITY_STORAGE_KEY, JSON.stringify(identity))
  return identity
}

export function suggestColour(): string {
  return COLOURS[Math.floor(Math.random() * COLOURS.length)]!
}
