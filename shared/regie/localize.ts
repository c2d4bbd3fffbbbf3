/**
 * Turns a bilingual model (a template) into the model of a board in one language. A board's text
 * is written by its users in one language, so it holds plain strings; only templates and the
 * domain's own vocabulary carry both languages.
 */
import type { ActorAttributes, RegieBlock, RegieModel } from './model.ts'
import type { Locale, LocalizedText } from './text.ts'

export function localizeModel(model: RegieModel<LocalizedText>, locale: Locale): RegieModel<string> {
  return mapModelText(model, (text) => text[locale])
}

/** Rewrites every text field of a model with `f`, leaving ids, kinds and structure untouched. */
export function mapModelText<A, B>(model: RegieModel<A>, f: (text: A) => B): RegieModel<B> {
  return {
    actors: model.actors.map(({ name, attributes, ...actor }) => ({
      ...actor,
      name: f(name),
      ...(attributes && { attributes: mapAttributeText(attributes, f) }),
    })),
    relations: model.relations.map(({ label, radReference, ...relation }) => ({
      ...relation,
      ...(label !== undefined && { label: f(label) }),
      ...(radReference !== undefined && { radReference: f(radReference) }),
    })),
    groups: model.groups.map((group) => ({ ...group, title: f(group.title) })),
    blocks: model.blocks.map((block) => mapBlockText(block, f)),
  }
}

function mapAttributeText<A, B>(attributes: ActorAttributes<A>, f: (text: A) => B): ActorAttributes<B> {
  const { rollen, competenties, toelichting, ...counts } = attributes
  return {
    ...counts,
    ...(rollen && { rollen: rollen.map(f) }),
    ...(competenties && { competenties: competenties.map(f) }),
    ...(toelichting !== undefined && { toelichting: f(toelichting) }),
  }
}

function mapBlockText<A, B>(block: RegieBlock<A>, f: (text: A) => B): RegieBlock<B> {
  switch (block.type) {
    case 'flow':
      return { ...block, title: f(block.title), steps: block.steps.map((step) => ({ ...step, text: f(step.text) })) }
    case 'checklist':
      return {
        ...block,
        title: f(block.title),
        items: block.items.map(({ text, hint, response, ...item }) => ({
          ...item,
          text: f(text),
          ...(hint !== undefined && { hint: f(hint) }),
          ...(response !== undefined && { response: f(response) }),
        })),
      }
    case 'note': {
      const { title, text, ...note } = block
      return { ...note, text: f(text), ...(title !== undefined && { title: f(title) }) }
    }
    case 'legend':
      return { ...block, title: f(block.title) }
  }
}
