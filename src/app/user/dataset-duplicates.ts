// Which imported files the dataset holds already (by sha256): the import list names the dataset's
// report, and views over both layers count the dataset's row, not the layer's copy (the data
// worker is given them with the layer: src/db/user-layer.ts). The first lookup loads the dataset's whole `reports`
// table into the data worker (every province's partition, one after another: 3–5 s for the shipped
// dataset's 16 files on a loaded machine, where the lookup itself takes 0.1–0.4 s). Done after the
// parse, as it was, that wait came between the last file parsed and the layer built; so files are
// looked up while the import runs (the data worker is idle then), one query at a time with what
// came meanwhile, and the answers kept: after the parse only the last few are asked.

/** The dataset's report id of each file it holds, for some sha256s (one query). */
export type LookupQuery = (shas: readonly string[]) => Promise<Map<string, string>>;

/** sha256s per query: one statement text for any number (src/db/sql would differ by its `?` count). */
export const LOOKUP_BATCH = 5000;

/** One query's SQL: the sha256s as one comma-separated parameter (hex: no comma inside). */
export const DUPLICATES_SQL =
  "SELECT sha256, min(report_id) AS report_id FROM reports WHERE sha256 IN (SELECT unnest(string_split(?, ','))) GROUP BY sha256";

export class DuplicateLookup {
  /** Answers so far: the dataset's report id, or null (not in the dataset). */
  private readonly known = new Map<string, string | null>();
  private waiting: string[] = [];
  private background: Promise<void> | null = null;

  constructor(private readonly query: LookupQuery) {}

  /** Looks `sha256` up soon, in the background; a failure leaves it to `reportsOf`. */
  soon(sha256: string): void {
    if (this.known.has(sha256)) return;
    this.waiting.push(sha256);
    this.background ??= this.drain().finally(() => (this.background = null));
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, LOOKUP_BATCH);
      try {
        await this.ask(batch);
      } catch {
        // Asked again by reportsOf, whose caller hears the error.
      }
    }
  }

  private async ask(shas: readonly string[]): Promise<void> {
    const unknown = [...new Set(shas)].filter((s) => !this.known.has(s));
    if (unknown.length === 0) return;
    const found = await this.query(unknown);
    for (const s of unknown) this.known.set(s, found.get(s) ?? null);
  }

  /** The dataset's report of each of these files that it holds (waits for the lookups under way). */
  async reportsOf(shas: readonly string[]): Promise<Map<string, string>> {
    await this.background;
    for (let i = 0; i < shas.length; i += LOOKUP_BATCH) await this.ask(shas.slice(i, i + LOOKUP_BATCH));
    const out = new Map<string, string>();
    for (const s of shas) {
      const id = this.known.get(s);
      if (id) out.set(s, id);
    }
    return out;
  }
}
