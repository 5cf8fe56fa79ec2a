// Which dataset tables the worker loads when it starts and which wait until a query needs them.
// `rollups` (sums by division × year × issuer level × scope) serves the overview at any size and is
// all the worker loads before it answers init; facts_wide (one row per report, the harmonised
// metrics) serves the other charts and loads behind init (once the page's first query is answered) while the whole of it is
// small, else one province at a time as views drill down; reports
// (facts, warnings), the long tables (values, checks) and the texts load when a report is opened;
// the gazetteer's towns load per province; `bodies` (one row per body, named) when a view names bodies;
// `similar_pairs` (copied reports, in each report's province) when the similar view asks; `corrections`
// (the rows of the corrections file ingest applied) when a query names it.

export const EAGER_TABLES = ['rollups', 'facts_wide'] as const;
/** Loaded behind init's answer (whole, while within EAGER_DETAIL_ROWS), not before it: once the page's first query is answered. */
export const BEHIND_INIT_TABLES = ['facts_wide'] as const;
/** When no query comes, how long after init the BEHIND_INIT_TABLES wait before they load anyway. */
export const BEHIND_INIT_WAIT_MS = 1000;
export const LAZY_TABLES = ['reports', 'values', 'checks', 'texts', 'jurisdictions', 'failing', 'bodies', 'similar_pairs', 'corrections'] as const;

/**
 * Above this many rows facts_wide is not loaded behind init, only the rollups: a national dataset
 * (~3 million reports) would fill most of the 4 GB wasm heap (STACK-NOTES).
 */
export const EAGER_DETAIL_ROWS = 500_000;

/** What the engine may hold of loaded Arrow (decompressed) in all; a query that needs more is refused. */
export const LOAD_BUDGET_BYTES = 1_200_000_000;

/** `entities` from the rows of `bodies` (a table or view name); `extra`: more columns of it, listed after. */
const entitiesSelect = (bodies: string, extra = ''): string => `SELECT key, name, level, division_code, department, province_code, reports, first_year, last_year,
  coalesce(string_split(printed_names, chr(10)), []::VARCHAR[]) AS printed_names${extra}
FROM ${bodies}
ORDER BY key`;

/**
 * Tables computed in the engine from loaded ones, on first use. `entities` is the `bodies` table
 * ingest writes (src/ingest/bodies.ts) with each body's printed names as a list, for the picker's
 * search, the URL's bodies and the charts' labels.
 */
export const DERIVED_TABLES = {
  entities: { from: ['bodies'], select: entitiesSelect, sql: `CREATE TABLE entities AS\n${entitiesSelect('bodies')}` },
} as const satisfies Record<string, { from: readonly string[]; select: (source: string, extra?: string) => string; sql: string }>;
export type DerivedTable = keyof typeof DERIVED_TABLES;

export type DatasetTable = (typeof EAGER_TABLES)[number] | (typeof LAZY_TABLES)[number] | DerivedTable;

const ALL: ReadonlySet<string> = new Set<string>([...EAGER_TABLES, ...LAZY_TABLES, ...Object.keys(DERIVED_TABLES)]);
export const isDatasetTable = (name: string): name is DatasetTable => ALL.has(name);
export const isDerivedTable = (name: string): name is DerivedTable => Object.hasOwn(DERIVED_TABLES, name);

/** Identifiers are quoted: `values` is a reserved word in SQL. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
