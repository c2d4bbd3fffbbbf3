/**
 * How many bytes one document's stored log takes, as far as its room knows, for the board-size
 * limit (MAX_BOARD_BYTES): what it loaded, appended or received from other instances, reset to the
 * merged size by compaction. Bytes handed to storage and not yet committed count already, so a
 * burst of updates cannot slip past the limit while its writes are in flight.
 *
 * Compaction drops deleted content, so the room compacts before it refuses; once the log is
 * compacted (nothing stored since), a further refusal needs no new compaction, or a client that
 * keeps retrying could make us merge the log over and over.
 */
export class SizeBudget {
  private storedBytes = 0
  private writingBytes = 0
  private bytesSinceCompactionStart = 0
  private compacted = false

  constructor(readonly maxBytes: number) {}

  /** Whether `bytes` more (of an update, and of updates Yjs holds pending) would pass the limit. */
  wouldExceed(bytes: number): boolean {
    return this.storedBytes + this.writingBytes + bytes > this.maxBytes
  }

  /** Bytes stored and being written: the board's content as far as memory estimates go. */
  get bytes(): number {
    return this.storedBytes + this.writingBytes
  }

  /** Nothing was stored since the last compaction: compacting again cannot make room. */
  get isCompacted(): boolean {
    return this.compacted
  }

  loaded(bytes: number): void {
    this.storedBytes = bytes
  }

  writing(bytes: number): void {
    this.writingBytes += bytes
  }

  /** The write of `bytes` ended, committed or not (`stored` then follows for a committed one). */
  written(bytes: number): void {
    this.writingBytes -= bytes
  }

  stored(bytes: number): void {
    this.storedBytes += bytes
    this.bytesSinceCompactionStart += bytes
    this.compacted = false
  }

  compactionStarted(): void {
    this.bytesSinceCompactionStart = 0
  }

  /** The log was merged into `mergedBytes`; what was stored while merging comes on top. */
  compactionEnded(mergedBytes: number): void {
    this.storedBytes = mergedBytes + this.bytesSinceCompactionStart
    this.compacted = this.bytesSinceCompactionStart === 0
  }
}
