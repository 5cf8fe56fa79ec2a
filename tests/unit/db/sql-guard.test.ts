// The read-only check on typed SQL: tokens as DuckDB reads them, reads allowed, every kind of write
// refused with a message naming it. (tests/integration/db/user-sql.test.ts sends the same
// statements to real DuckDB-WASM and checks that the data is unchanged.)
import { describe, expect, it } from 'vitest';
import { assertReadOnly, inlineParams, SqlGuardError, sqlLiteral, tablesNamed, tokenize } from '../../../src/db/sql-guard';

const refusal = (sql: string): string => {
  try {
    assertReadOnly(sql);
  } catch (error) {
    expect(error).toBeInstanceOf(SqlGuardError);
    return (error as Error).message;
  }
  throw new Error(`not refused: ${sql}`);
};

describe('tokenize', () => {
  it('reads strings, E-strings, dollar quotes, quoted identifiers and nested comments as DuckDB does', () => {
    const tokens = tokenize(`SELECT 'a''b;', E'c\\'d;', $$e;'$$, $t$f$$g$t$, "h""i;" /* j /* k; */ l; */ -- m;\n, 1.5e3, ?, $1`);
    expect(tokens.filter((t) => t.kind === 'string').map((t) => t.value)).toEqual(["a'b;", "c'd;", "e;'", 'f$$g']);
    expect(tokens.filter((t) => t.kind === 'quoted').map((t) => t.value)).toEqual(['h"i;']);
    expect(tokens.filter((t) => t.kind === 'semicolon')).toEqual([]);
    expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual(['1.5e3']);
    expect(tokens.filter((t) => t.kind === 'param').map((t) => t.text)).toEqual(['?', '$1']);
  });

  it('keeps a backslash literal in a plain string (only E-strings escape with it)', () => {
    // 'a\' is the whole string a\ in DuckDB: the DELETE after it is a statement of its own.
    expect(refusal(`SELECT 'a\\'; DELETE FROM facts_wide; --'`)).toMatch(/statement 2 DELETE deletes rows/);
    expect(assertReadOnly(`SELECT E'a\\'; DELETE FROM facts_wide; --'`).length).toBe(2);
  });

  it('refuses unterminated strings, identifiers and comments', () => {
    expect(refusal("SELECT 'abc")).toMatch(/unterminated string/);
    expect(refusal('SELECT "abc')).toMatch(/unterminated quoted identifier/);
    expect(refusal('SELECT 1 /* /* */')).toMatch(/unterminated comment/);
    expect(refusal('SELECT $x$abc')).toMatch(/unterminated dollar-quoted/);
  });
});

describe('assertReadOnly', () => {
  it.each([
    'SELECT * FROM facts_wide',
    'select 1;',
    '  -- a comment\n  WITH t AS (SELECT 1 AS x) SELECT * FROM t',
    'FROM facts_wide LIMIT 3',
    'VALUES (1), (2)',
    'TABLE rollups',
    '(SELECT 1) UNION ALL (SELECT 2)',
    'EXPLAIN SELECT 1',
    'EXPLAIN ANALYZE SELECT count(*) FROM facts_wide',
    'DESCRIBE facts_wide',
    'DESCRIBE SELECT 1',
    'SUMMARIZE facts_wide',
    'SHOW TABLES',
    'SHOW ALL TABLES',
    'PIVOT facts_wide ON level USING count(*)',
    'UNPIVOT (SELECT 1 AS p, 2 AS q) ON p, q INTO NAME k VALUE v',
    // Words that are statements elsewhere are names here.
    'SELECT v.start, v."end", (start + 1) AS s, "load", "set" FROM "values" v',
    "SELECT 'DROP TABLE x; INSERT INTO y' AS text, \"delete\" FROM t",
    'SELECT * FROM t WHERE x IN (SELECT 1) ORDER BY 1;;',
    'SELECT CASE WHEN a THEN 1 END FROM t',
  ])('allows %s', (sql) => {
    expect(() => assertReadOnly(sql)).not.toThrow();
  });

  it.each([
    ['INSERT INTO facts_wide SELECT * FROM facts_wide', /INSERT writes rows/],
    ["UPDATE facts_wide SET issuer = 'x'", /UPDATE changes rows/],
    ['DELETE FROM facts_wide', /DELETE deletes rows/],
    ['TRUNCATE facts_wide', /TRUNCATE deletes rows/],
    ['CREATE TABLE x AS SELECT 1', /CREATE creates/],
    ['CREATE OR REPLACE VIEW v AS SELECT 1', /CREATE creates/],
    ['DROP TABLE facts_wide', /DROP drops/],
    ['ALTER TABLE facts_wide RENAME TO f', /ALTER alters/],
    ["ATTACH ':memory:' AS m", /ATTACH attaches/],
    ['DETACH m', /DETACH detaches/],
    ["COPY facts_wide TO 'out.csv'", /COPY copies/],
    ["EXPORT DATABASE 'dir'", /EXPORT exports/],
    ["IMPORT DATABASE 'dir'", /IMPORT imports/],
    ['INSTALL httpfs', /INSTALL installs an extension/],
    ['FORCE INSTALL httpfs', /FORCE installs an extension/],
    ['LOAD httpfs', /LOAD loads an extension/],
    ['SET threads = 1', /SET changes a setting/],
    ['RESET threads', /RESET resets a setting/],
    ["PRAGMA enable_profiling", /PRAGMA runs a pragma/],
    ["CALL pragma_table_info('facts_wide')", /CALL calls a procedure/],
    ['BEGIN TRANSACTION', /BEGIN controls a transaction/],
    ['CHECKPOINT', /CHECKPOINT writes/],
    ['USE memory', /USE changes the default database/],
    ['PREPARE p AS SELECT 1', /PREPARE prepares/],
    ['EXECUTE p', /EXECUTE runs another statement/],
    ['SELECT 1 INTO x', /contains INTO/],
    ['WITH d AS (DELETE FROM facts_wide RETURNING *) SELECT * FROM d', /contains DELETE/],
    ['WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x', /contains INSERT/],
    ['EXPLAIN ANALYZE DELETE FROM facts_wide', /contains DELETE/],
    ['EXPLAIN ANALYZE SET threads = 1', /contains SET/],
    ['DESCRIBE CREATE TABLE x (a INT)', /contains CREATE/],
    ['SELECT 1; DROP TABLE facts_wide', /statement 2 contains DROP|statement 2 DROP/],
    ["SELECT 1; /* ; */ SELECT ';'; UPDATE t SET a = 1", /statement 3 UPDATE/],
    ["SELECT * FROM read_csv('/etc/passwd')", /read_csv\(\), which reads files/],
    ["SELECT * FROM read_parquet('https://example.com/x.parquet')", /read_parquet\(\)/],
    ["SELECT * FROM query('SELECT 1')", /query\(\)/],
    ['/* only a comment */', /nothing to run/],
    ['', /nothing to run/],
    ['SELECT 1; SELECT 2', /2 statements; run one statement at a time/],
    ['42', /does not start with a statement keyword/],
    ['GRANT SELECT ON t TO u', /GRANT changes permissions/],
    ['VACUUM', /VACUUM rewrites/],
  ])('refuses %s', (sql, message) => {
    const text = refusal(sql);
    expect(text).toMatch(message);
    if (!/nothing to run|one statement at a time/.test(text)) expect(text).toMatch(/Only statements that read may run here/);
  });
});

describe('tablesNamed', () => {
  const candidates = ['facts_wide', 'reports', 'values', 'rollups', 'entities', 'texts'];
  const named = (sql: string) => tablesNamed(assertReadOnly(sql), candidates);

  it('finds tables after FROM, JOIN, a FROM list comma, main. and the wrappers, quoted or not, any case', () => {
    expect(named('SELECT * FROM FACTS_WIDE f JOIN "values" v USING (report_id), main.texts t')).toEqual(['facts_wide', 'texts', 'values']);
    expect(named('SUMMARIZE rollups')).toEqual(['rollups']);
    expect(named('DESCRIBE entities')).toEqual(['entities']);
    expect(named('SELECT * FROM (SELECT * FROM reports) r')).toEqual(['reports']);
  });

  it('leaves out columns, functions, aliases, strings and the VALUES keyword that share a name', () => {
    expect(named("SELECT r.reports, texts(1), 'facts_wide' AS x FROM rollups r")).toEqual(['rollups']);
    expect(named('SELECT * FROM (VALUES (1)) t')).toEqual([]);
  });
});

describe('inlineParams', () => {
  it('puts each parameter in its placeholder as a literal, leaving ? in strings, identifiers and comments', () => {
    const sql = `SELECT '?' AS q, "a?" FROM t /* ? */ WHERE a = ? AND b IN (?, ?) AND c = ? -- ?\nAND d = ?`;
    expect(inlineParams(sql, ["it's", 2019, null, true, 1.5])).toBe(
      `SELECT '?' AS q, "a?" FROM t /* ? */ WHERE a = 'it''s' AND b IN (2019, NULL) AND c = TRUE -- ?\nAND d = 1.5`,
    );
  });

  it('refuses a count mismatch and numbers SQL cannot write', () => {
    expect(() => inlineParams('SELECT ?', [])).toThrow(/1 placeholders for 0 parameters/);
    expect(() => sqlLiteral(Number.NaN)).toThrow(SqlGuardError);
  });
});

describe('the SQL the views build', () => {
  it('passes: CASE … END after a parenthesis, window clauses, CTE chains', () => {
    expect(() => assertReadOnly(`WITH a AS (SELECT 1 AS x), b AS (SELECT CASE WHEN (x > 0) THEN 1 END AS y FROM a)
SELECT CASE WHEN (y IS NULL) THEN 0 ELSE y END AS z, row_number() OVER (ORDER BY CASE WHEN y THEN 0 ELSE 1 END) FROM b`)).not.toThrow();
  });
});
