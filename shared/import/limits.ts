/**
 * How much one import may hold. The layout of a board with thousands of arrows is no longer a
 * diagram anyone can read, and laying it out takes the server seconds; a spreadsheet that big
 * is better split by domain.
 */
export const IMPORT_LIMITS = {
  /** Arrangement rows one file may hold; the rest is reported, not read. */
  maxRelations: 5000,
  /** What one board import (or insertion) may put on a board. */
  maxBoardRelations: 500,
  maxBoardActors: 400,
  maxNameLength: 200,
  maxTextLength: 1000,
  /** Largest file the browser reads for the preview. */
  maxFileBytes: 5 * 1024 * 1024,
} as const
