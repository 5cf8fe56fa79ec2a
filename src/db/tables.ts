// Which dataset tables the worker loads when it starts and which wait until a query needs them.
// facts_wide (one row per report, the harmonised metrics) serves every chart; reports (facts,
// warnings), the long tables (values, checks) and the texts load when a report is opened.

export const EAGER_TABLES = ['facts_wide'] as const;
export const LAZY_TABLES = ['reports', 'values', 'checks', 'texts', 'jurisdictions'] as const;

/**
 * Tables computed in the engine from loaded ones, on first use. `entities` (one row per issuer)
 * lets the name search scan distinct names instead of grouping every report on each keystroke.
 */
export const DERIVED_TABLES = {
  entities: {
    from: ['facts_wide'],
    sql: `CREATE TABLE entities AS
SELECT issuer, min(jurisdiction) AS jurisdiction, min(level) AS level, count(*) AS reports,
  min(year) AS first_year, max(year) AS last_year
FROM facts_wide WHERE issuer IS NOT NULL GROUP BY issuer ORDER BY issuer`,
  },
} as const satisfies Record<string, { from: readonly string[]; sql: string }>;
export type DerivedTable = keyof typeof DERIVED_TABLES;

export type DatasetTable = (typeof EAGER_TABLES)[number] | (typeof LAZY_TABLES)[number] | DerivedTable;

const ALL: ReadonlySet<string> = new Set<string>([...EAGER_TABLES, ...LAZY_TABLES, ...Object.keys(DERIVED_TABLES)]);
export const isDatasetTable = (name: string): name is DatasetTable => ALL.has(name);
export const isDerivedTable = (name: string): name is DerivedTable => Object.hasOwn(DERIVED_TABLES, name);

/** Identifiers are quoted: `values` is a reserved word in SQL. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
