// Which dataset tables the worker loads when it starts and which wait until a query needs them.
// facts_wide and reports are small per report and serve every overview query; the long tables
// (values, checks) and the report texts are loaded on first use so first paint stays fast.

export const EAGER_TABLES = ['facts_wide', 'reports'] as const;
export const LAZY_TABLES = ['values', 'checks', 'texts'] as const;
export type DatasetTable = (typeof EAGER_TABLES)[number] | (typeof LAZY_TABLES)[number];

const ALL: ReadonlySet<string> = new Set<string>([...EAGER_TABLES, ...LAZY_TABLES]);
export const isDatasetTable = (name: string): name is DatasetTable => ALL.has(name);

/** Identifiers are quoted: `values` is a reserved word in SQL. */
export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
