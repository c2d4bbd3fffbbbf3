import { useEffect, useState, type FormEvent } from 'react'
import type { Role } from '../../shared/roles.ts'
import { COLOURS, loadIdentity, saveIdentity, suggestColour, type Identity } from '../board/identity.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx'
import { adoptedNameDialog, nameDialogAdopted } from './adopt-name-dialog.ts'

/**
 * First visit to a board: asks only for a display name and a colour. The build also writes this
 * dialog into index.html, where it shows before the app's script is in (name-dialog-first.ts);
 * the first render here then starts from what was typed there, so React can hydrate it.
 */
export function JoinDialog({ title, role, onJoin }: { title: string | null; role: Role | null; onJoin: (identity: Identity) => void }) {
  const { t } = useI18n()
  const previous = loadIdentity()
  const [name, setName] = useState(() => adoptedNameDialog()?.name ?? previous?.name ?? '')
  const [colour, setColour] = useState(() => adoptedNameDialog()?.colour ?? previous?.colour ?? suggestColour())
  useEffect(nameDialogAdopted, [])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim()) onJoin(saveIdentity(name, colour))
  }
  return (
    <main className="page join-page">
      <header className="page-header">
        <h1>{title === null ? t('join.headingNoTitle') : t('join.heading', { title })}</h1>
        <LanguageSwitch />
      </header>
      {/* Shown once the board's details are in; the name can be typed before that. A status, so a
          screen reader says it (and "Bord laden…" when the name was sent before the app ran). */}
      <p className="join-role" role="status">{role ? t(`join.role.${role}`) : '\u00a0'}</p>
      <form onSubmit={submit} className="join-form">
        <label htmlFor="display-name">{t('join.name.label')}</label>
        <input id="display-name" value={name} maxLength={60} required autoFocus autoComplete="nickname" onChange={(e) => setName(e.target.value)} />
        <fieldset>
          <legend>{t('join.colour.label')}</legend>
          <div className="colours">
            {COLOURS.map((c, index) => (
              <label key={c} className="colour" style={{ background: c }}>
                <input type="radio" name="colour" value={c} checked={colour === c} onChange={() => setColour(c)} aria-label={t(`join.colour.${index as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7}`)} />
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" disabled={!name.trim()}>
          {t('join.submit')}
        </button>
      </form>
    </main>
  )
}
