import type { ReactNode } from 'react'

/** One group of the Sessie tab (Tijd, Samen werken, Stemmen, Delen, Resultaten, Gevaarlijk). */
export function SessionGroup({ id, title, danger = false, children }: { id: string; title: string; danger?: boolean; children: ReactNode }) {
  return (
    <section className={`session-group${danger ? ' session-group--danger' : ''}`} aria-labelledby={`session-group-${id}`} data-session-group={id}>
      <h2 className="session-group__title" id={`session-group-${id}`}>
        {title}
      </h2>
      {children}
    </section>
  )
}
