/**
 * A string-keyed cache with a size budget, approximately least-recently-used: two generations;
 * when the young one is full it becomes the old one and the previous old one is dropped. A hit in
 * the old generation is promoted. O(1) per operation, no per-entry bookkeeping.
 *
 * Keys are copied when stored: a chunk or piece is usually a slice of a whole document, and V8
 * keeps the whole document alive for as long as a slice of it is; an editor session would
 * otherwise retain one full copy of the document per cached keystroke.
 */
export class BoundedCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  private youngWeight = 0;

  /** `weightOf` measures an entry against `budgetPerGeneration` (entries, chars …). */
  constructor(
    private readonly budgetPerGeneration: number,
    private readonly weightOf: (key: string) => number = () => 1,
  ) {}

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const promoted = this.old.get(key);
    if (promoted !== undefined) this.set(key, promoted);
    return promoted;
  }

  set(key: string, value: V): void {
    const weight = this.weightOf(key);
    if (this.youngWeight + weight > this.budgetPerGeneration && this.young.size > 0) {
      this.old = this.young;
      this.young = new Map();
      this.youngWeight = 0;
    }
    this.young.set(detached(key), value);
    this.youngWeight += weight;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
    this.youngWeight = 0;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}

/** A copy of `text` that shares no storage with the string it may have been sliced from. */
function detached(text: string): string {
  // V8 copies slices shorter than 13 chars anyway; longer ones go through a real copy.
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}
