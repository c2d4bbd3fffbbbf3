/**
 * Checks a template file (or a save request) from a client before anything is stored: every
 * field typed and bounded, the model sound (validateModel), the whole file small. Unknown fields
 * are dropped rather than stored.
 */
import { z } from 'zod'
import { ACTOR_KIND_IDS } from '../../shared/regie/actor-kinds.ts'
import { BLOCK_TYPES, CHECKLIST_PURPOSES, GROUP_KINDS, REGELING_SOORTEN, validateModel, type RegieModel } from '../../shared/regie/model.ts'
import { RELATION_KIND_IDS } from '../../shared/regie/relation-kinds.ts'
import { SEED_IDS } from '../../shared/regie/source.ts'
import { LOCALES, type Locale } from '../../shared/regie/text.ts'
import { OWN_TEMPLATE_LIMITS as LIMITS, TEMPLATE_FILE_FORMAT, TEMPLATE_FILE_VERSION, type TemplateFile } from '../../shared/templates/own-template.ts'

const id = z.string().min(1).max(120)
const text = z.string().max(LIMITS.maxTextLength)
const count = z.number().finite().min(0).max(1e9)
const source = z.object({ seed: z.enum(SEED_IDS), slides: z.array(z.number().int().min(0).max(1000)).max(50), assumption: text.optional() }).optional()

const actor = z.object({
  id,
  kind: z.enum(ACTOR_KIND_IDS as [string, ...string[]]),
  name: text,
  attributes: z
    .object({
      inwoners: count.optional(),
      fte: count.optional(),
      domeinen: count.optional(),
      afdelingen: count.optional(),
      rollen: z.array(text).max(LIMITS.maxItems).optional(),
      competenties: z.array(text).max(LIMITS.maxItems).optional(),
      toelichting: text.optional(),
      regeling: z.enum(REGELING_SOORTEN).optional(),
    })
    .optional(),
  group: id.optional(),
  placeholder: z.boolean().optional(),
  aanname: text.optional(),
  source,
})

const relation = z.object({
  id,
  kind: z.enum(RELATION_KIND_IDS as [string, ...string[]]),
  from: id,
  to: id,
  label: text.optional(),
  radReference: text.optional(),
  aanname: text.optional(),
  source,
})

const group = z.object({ id, kind: z.enum(GROUP_KINDS), title: text, parent: id.optional(), after: id.optional(), aanname: text.optional(), source })

const placed = { id, group: id.optional(), after: id.optional(), aanname: text.optional(), source }
const block = z.discriminatedUnion('type', [
  z.object({
    ...placed,
    type: z.literal('flow'),
    title: text,
    steps: z.array(z.object({ id, text, actorIds: z.array(id).max(LIMITS.maxItems), aanname: text.optional() })).max(LIMITS.maxItems),
  }),
  z.object({
    ...placed,
    type: z.literal('checklist'),
    purpose: z.enum(CHECKLIST_PURPOSES),
    title: text,
    items: z.array(z.object({ id, text, hint: text.optional(), ref: z.string().max(60).optional(), response: text.optional(), aanname: text.optional() })).max(LIMITS.maxItems),
  }),
  z.object({ ...placed, type: z.literal('note'), title: text.optional(), text }),
  z.object({
    ...placed,
    type: z.literal('legend'),
    title: text,
    actorKinds: z.array(z.enum(ACTOR_KIND_IDS as [string, ...string[]])).max(100),
    relationKinds: z.array(z.enum(RELATION_KIND_IDS as [string, ...string[]])).max(100),
  }),
])

export const TemplateModelSchema = z.object({
  actors: z.array(actor).max(LIMITS.maxActors),
  relations: z.array(relation).max(LIMITS.maxRelations),
  groups: z.array(group).max(LIMITS.maxGroups),
  blocks: z.array(block).max(LIMITS.maxBlocks),
})

export const TemplateFileSchema = z.object({
  format: z.literal(TEMPLATE_FILE_FORMAT).optional(),
  version: z.literal(TEMPLATE_FILE_VERSION).optional(),
  title: z.string().trim().min(1, 'title is empty').max(LIMITS.maxTitleLength),
  description: z.string().trim().max(LIMITS.maxDescriptionLength).default(''),
  locale: z.enum(LOCALES).default('nl'),
  model: TemplateModelSchema,
})

export type TemplateCheck = { ok: true; file: TemplateFile } | { ok: false; message: { nl: string; en: string } }

/** Checks a parsed request body as a template file; the messages say what is wrong, in both languages. */
export function checkTemplateFile(value: unknown): TemplateCheck {
  if (typeof value === 'object' && value !== null && 'format' in value && (value as { format: unknown }).format !== TEMPLATE_FILE_FORMAT) {
    return { ok: false, message: { nl: 'Dit is geen sjabloonbestand van Regiebord.', en: 'This is not a Regiebord template file.' } }
  }
  if (typeof value === 'object' && value !== null && 'version' in value && (value as { version: unknown }).version !== TEMPLATE_FILE_VERSION) {
    return { ok: false, message: { nl: 'Dit sjabloonbestand is van een nieuwere versie van Regiebord.', en: 'This template file is from a newer version of Regiebord.' } }
  }
  const parsed = TemplateFileSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.join('.')
    return { ok: false, message: { nl: `Het sjabloon klopt niet (${where}: ${issue.message}).`, en: `The template is not valid (${where}: ${issue.message}).` } }
  }
  const model = parsed.data.model as RegieModel<string>
  const problems = validateModel(model)
  if (problems.length > 0) return { ok: false, message: { nl: `Het sjabloon klopt niet: ${problems[0]!.message.nl}`, en: `The template is not valid: ${problems[0]!.message.en}` } }
  if (model.actors.length + model.groups.length + model.blocks.length === 0) {
    return { ok: false, message: { nl: 'Het sjabloon is leeg: er staat geen actor, groep of blok in.', en: 'The template is empty: it holds no actor, group or block.' } }
  }
  return {
    ok: true,
    file: {
      format: TEMPLATE_FILE_FORMAT,
      version: TEMPLATE_FILE_VERSION,
      title: parsed.data.title,
      description: parsed.data.description,
      locale: parsed.data.locale as Locale,
      model,
    },
  }
}
