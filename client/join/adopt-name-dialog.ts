/**
 * The app's side of the name dialog that index.html shows before the script is in
 * (client/join/name-dialog-first.ts): when the app starts it takes that dialog over. If the name
 * was not sent yet, React hydrates the dialog's own elements (client/main.tsx), starting from
 * what was typed and chosen there, so the text, the caret and the phone's keyboard stay. If it
 * was sent, the name is stored already and the app simply renders the board in its place.
 */

/** Dispatched on #root: the inline script stops handling the form. */
export const TAKE_OVER_EVENT = 'regiebord:take-over-name-dialog'
/** On #root once the name was sent from the HTML dialog. */
export const SENT_ATTRIBUTE = 'data-name-sent'
export const TEMPLATE_IDS = { nl: 'name-dialog-nl', en: 'name-dialog-en' } as const

let adopting = false

/**
 * Called once, before React renders: whether `root` holds the HTML name dialog with nothing sent
 * (then the app hydrates it). Either way the inline script lets go of the form.
 */
export function takeOverNameDialog(root: HTMLElement): boolean {
  const present = root.querySelector('form.join-form') !== null
  if (!present) return false
  root.dispatchEvent(new Event(TAKE_OVER_EVENT))
  adopting = !root.hasAttribute(SENT_ATTRIBUTE)
  return adopting
}

/**
 * What was typed and chosen in the HTML dialog, read while React hydrates it (so the latest
 * letters count); null when there is nothing to adopt.
 */
export function adoptedNameDialog(): { name: string; colour: string | null } | null {
  if (!adopting) return null
  const root = document.getElementById('root')
  const input = root?.querySelector<HTMLInputElement>('#display-name')
  if (!root || !input) return null
  return { name: input.value, colour: root.querySelector<HTMLInputElement>('input[name=colour]:checked')?.value ?? null }
}

/** After the first commit the dialog on screen is React's own. */
export function nameDialogAdopted(): void {
  adopting = false
}
