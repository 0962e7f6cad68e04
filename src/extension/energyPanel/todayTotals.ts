/**
 * "Today": what the prompts analysed today add up to. Stored in the extension's global state on
 * this machine only (the key is never registered with `setKeysForSync`, so Settings Sync does not
 * carry it either) and never sent anywhere.
 *
 * The panel is updated on every edit, so adding each analysis would count one prompt a hundred
 * times. Instead each document keeps the figures of its latest analysis today, and the totals are
 * the sum over documents: "the prompts you worked on today, as they stand".
 */
import type { Analysis } from '../../core/analysis';

/** The part of `vscode.Memento` this store needs (kept structural so tests need no editor). */
export interface GlobalStateLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface DocumentFigures {
  inputTokens: number;
  wh: number;
  carbonG: number;
  waterMl: number;
}

export interface TodayTotals extends DocumentFigures {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  prompts: number;
}

interface StoredDay {
  version: 1;
  day: string;
  documents: Record<string, DocumentFigures>;
}

export const TODAY_STATE_KEY = 'mvp.energyPanel.today';

/** Bounds what one busy day can write into global state. */
const MAX_DOCUMENTS = 500;

export function localDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function figuresOf(analysis: Analysis): DocumentFigures {
  return {
    inputTokens: analysis.tokens.total,
    wh: analysis.estimate.energyWh.central,
    carbonG: analysis.estimate.carbonG.central,
    waterMl: analysis.estimate.waterMl.central,
  };
}

function sameFigures(a: DocumentFigures | undefined, b: DocumentFigures): boolean {
  return !!a && a.inputTokens === b.inputTokens && a.wh === b.wh && a.carbonG === b.carbonG && a.waterMl === b.waterMl;
}

function isFinitePositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export class TodayTotalsStore {
  constructor(
    private readonly state: GlobalStateLike,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records a document's latest figures. Resolves without writing when nothing changed. */
  async record(documentUri: string, figures: DocumentFigures): Promise<void> {
    const stored = this.current();
    if (sameFigures(stored.documents[documentUri], figures)) {
      return;
    }
    // Re-insert so the order of keys is the order of last recording, then drop the oldest.
    const documents = { ...stored.documents };
    delete documents[documentUri];
    documents[documentUri] = figures;
    const keys = Object.keys(documents);
    for (const key of keys.slice(0, Math.max(0, keys.length - MAX_DOCUMENTS))) {
      delete documents[key];
    }
    await this.state.update(TODAY_STATE_KEY, { ...stored, documents });
  }

  async reset(): Promise<void> {
    await this.state.update(TODAY_STATE_KEY, { version: 1, day: localDay(this.now()), documents: {} });
  }

  totals(): TodayTotals {
    const stored = this.current();
    const totals: TodayTotals = { day: stored.day, prompts: 0, inputTokens: 0, wh: 0, carbonG: 0, waterMl: 0 };
    for (const figures of Object.values(stored.documents)) {
      totals.prompts += 1;
      totals.inputTokens += figures.inputTokens;
      totals.wh += figures.wh;
      totals.carbonG += figures.carbonG;
      totals.waterMl += figures.waterMl;
    }
    return totals;
  }

  /** Today's stored day; anything from another day, or malformed, reads as an empty today. */
  private current(): StoredDay {
    const day = localDay(this.now());
    const raw = this.state.get<unknown>(TODAY_STATE_KEY);
    const empty: StoredDay = { version: 1, day, documents: {} };
    if (!raw || typeof raw !== 'object') {
      return empty;
    }
    const candidate = raw as Partial<StoredDay>;
    if (candidate.version !== 1 || candidate.day !== day || !candidate.documents || typeof candidate.documents !== 'object') {
      return empty;
    }
    const documents: Record<string, DocumentFigures> = {};
    for (const [uri, figures] of Object.entries(candidate.documents)) {
      const f = figures as Partial<DocumentFigures> | null;
      if (f && isFinitePositive(f.inputTokens) && isFinitePositive(f.wh) && isFinitePositive(f.carbonG) && isFinitePositive(f.waterMl)) {
        documents[uri] = { inputTokens: f.inputTokens, wh: f.wh, carbonG: f.carbonG, waterMl: f.waterMl };
      }
    }
    return { version: 1, day, documents };
  }
}
