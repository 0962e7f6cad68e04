/**
 * One version of a document that is analysed again and again (the editor re-analyses after each
 * pause in typing). Work done per block of the previous version — classifying a paragraph, finding
 * its references, counting its tokens, scanning it for blobs — is carried over to every block the
 * edit did not touch, found by position: the unchanged prefix keeps its offsets, the unchanged
 * suffix moves by the change in length. Nothing is hashed or compared but the changed span, found
 * once per version; on a megabyte prompt, looking blocks up by their text cost more than all the
 * work it saved.
 */
import { changedSpan } from './changedSpan';

interface MemoEntry<V> {
  end: number;
  value: V;
}

export class DocumentVersion {
  private readonly memos = new Map<string, BlockMemo<unknown>>();
  private readonly derived = new Map<string, unknown>();
  /** Each memo's entries in the previous version, by memo name; only the previous generation is kept. */
  private readonly previousEntries: ReadonlyMap<string, Map<number, MemoEntry<unknown>>>;
  /** Offsets below this are untouched by the edit, at the same place in both versions. */
  private readonly unchangedBefore: number;
  /** Offsets from this one on are untouched by the edit, moved by `shift`. */
  private readonly unchangedFrom: number;
  private readonly shift: number;

  constructor(
    readonly text: string,
    previous?: DocumentVersion,
  ) {
    this.previousEntries = new Map([...(previous?.memos ?? [])].map(([name, memo]) => [name, memo.entries]));
    if (!previous) {
      this.unchangedBefore = 0;
      this.unchangedFrom = Infinity;
      this.shift = 0;
      return;
    }
    const span = previous.text === text ? { offset: text.length, deleteLength: 0, insertText: '' } : changedSpan(previous.text, text);
    this.unchangedBefore = span.offset;
    this.unchangedFrom = span.offset + span.insertText.length;
    this.shift = text.length - previous.text.length;
  }

  /**
   * Results per range of this version, carried over from the previous version where the range's
   * text is untouched. A memo's values must depend on the text of their range alone.
   */
  memo<V>(name: string): BlockMemo<V> {
    let memo = this.memos.get(name) as BlockMemo<V> | undefined;
    if (!memo) {
      memo = new BlockMemo<V>(this, this.previousEntries.get(name) as Map<number, MemoEntry<V>> | undefined);
      this.memos.set(name, memo as BlockMemo<unknown>);
    }
    return memo;
  }

  /** A value computed from the whole of this version, once (e.g. its blocks, shared by several rules). */
  once<T>(name: string, compute: () => T): T {
    if (!this.derived.has(name)) this.derived.set(name, compute());
    return this.derived.get(name) as T;
  }

  /** Where `text[start, end)` began in the previous version, if the edit left that text as it was. */
  previousStart(start: number, end: number): number | undefined {
    if (end <= this.unchangedBefore) return start;
    if (start >= this.unchangedFrom) return start - this.shift;
    return undefined;
  }
}

export class BlockMemo<V> {
  /** This version's results by range start (ranges of one memo may share a start: the end is checked). */
  readonly entries = new Map<number, MemoEntry<V>>();

  constructor(
    private readonly version: DocumentVersion,
    private readonly previous: Map<number, MemoEntry<V>> | undefined,
  ) {}

  /** The result for `text[start, end)`: the previous version's when that text is unchanged, else `compute`'s. */
  get(start: number, end: number, compute: (text: string) => V): V {
    const known = this.entries.get(start);
    if (known && known.end === end) return known.value;
    let value: V;
    const from = this.previous ? this.version.previousStart(start, end) : undefined;
    const carried = from === undefined ? undefined : this.previous!.get(from);
    if (carried && carried.end === from! + (end - start)) {
      value = carried.value;
    } else {
      value = compute(this.version.text.slice(start, end));
    }
    this.entries.set(start, { end, value });
    return value;
  }
}
