/**
 * Where a piece of template content comes from. Templates must be faithful to the seed
 * presentations (/work/shared/seeds), so every actor, relation and block of a template names the
 * seed and slide ("dia") it is taken from. What the seed does not state is marked on the element
 * itself (`aanname`, in both languages), because that text travels to the board and is shown on
 * the card, in the outline, the report and the CSV. A board built by hand carries no sources.
 */
export const SEED_IDS = ['000', '001', '002', '003', '004'] as const
export type SeedId = (typeof SEED_IDS)[number]

export interface SourceRef {
  readonly seed: SeedId
  /** Slide numbers as the transcript numbers them; empty when the seed has no slide for it. */
  readonly slides: readonly number[]
}
