/**
 * The start page's own templates: an option group in the template picker, and for a chosen own
 * template its description and a link to download it as a file.
 */
import type { OwnTemplateSummary } from '../../shared/templates/own-template.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { ownTemplateFileUrl } from './own-templates-api.ts'
import { templateTexts } from './template-texts.ts'

export function OwnTemplateOptions({ own }: { own: readonly OwnTemplateSummary[] }) {
  const { language } = useI18n()
  if (own.length === 0) return null
  return (
    <optgroup label={templateTexts(language).ownGroup} data-own-templates>
      {own.map((template) => (
        <option key={template.id} value={template.id}>
          {template.title}
        </option>
      ))}
    </optgroup>
  )
}

export function OwnTemplateDescription({ own, chosen }: { own: readonly OwnTemplateSummary[]; chosen: string }) {
  const { language } = useI18n()
  const template = own.find((candidate) => candidate.id === chosen)
  if (!template) return null
  const text = templateTexts(language)
  const date = new Date(template.createdAt).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
  return (
    <p className="template-description" data-own-template-description>
      {template.description} <em>{text.saved(date)}</em>{' '}
      <a href={ownTemplateFileUrl(template.id)} download>
        {text.download}
      </a>
    </p>
  )
}
