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
    actors: model.actors.map(({ name, attributes, aanname, ...actor }) => ({
      ...actor,
      name: f(name),
      ...(attributes && { attributes: mapAttributeText(attributes, f) }),
      ...(aanname !== undefined && { aanname: f(aanname) }),
    })),
    relations: model.relations.map(({ label, radReference, aanname, ...relation }) => ({
      ...relation,
      ...(label !== undefined && { label: f(label) }),
      ...(radReference !== undefined && { radReference: f(radReference) }),
      ...(aanname !== undefined && { aanname: f(aanname) }),
    })),
    groups: model.groups.map(({ aanname, ...group }) => ({ ...group, title: f(group.title), ...(aanname !== undefined && { aanname: f(aanname) }) })),
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

function mapBlockText<A, B>(input: RegieBlock<A>, f: (text: A) => B): RegieBlock<B> {
  const { aanname, ...block } = input
  const marked = aanname !== undefined ? { aanname: f(aanname) } : {}
  switch (block.type) {
    case 'flow':
      return {
        ...block,
        ...marked,
        title: f(block.title),
        steps: block.steps.map(({ aanname: stepAanname, ...step }) => ({ ...step, text: f(step.text), ...(stepAanname !== undefined && { aanname: f(stepAanname) }) })),
      }
    case 'checklist':
      return {
        ...block,
        ...marked,
        title: f(block.title),
        items: block.items.map(({ text, hint, response, aanname: itemAanname, ...item }) => ({
          ...item,
          text: f(text),
          ...(hint !== undefined && { hint: f(hint) }),
          ...(response !== undefined && { response: f(response) }),
          ...(itemAanname !== undefined && { aanname: f(itemAanname) }),
        })),
      }
    case 'note': {
      const { title, text, ...note } = block
      return { ...note, ...marked, text: f(text), ...(title !== undefined && { title: f(title) }) }
    }
    case 'legend':
      return { ...block, ...marked, title: f(block.title) }
  }
}
