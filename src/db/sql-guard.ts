// The read-only check on SQL the user (or a page script) types. It tokenizes the text the way
// DuckDB does (strings with '' and E'\'' escapes, dollar-quoted strings, quoted identifiers, nested
// block comments), splits it into statements and refuses, before anything reaches the engine, every
// statement that is not a read. The engine is a second wall: user SQL runs as one prepared
// statement (DuckDB refuses to prepare two) with external access switched off (engine-duckdb.ts).
import type { Param } from './protocol';

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'symbol' | 'semicolon';

export interface Token {
  kind: TokenKind;
  /** The text as written. */
  text: string;
  /** Words upper-cased, quoted identifiers unquoted, strings unescaped. */
  value: string;
  start: number;
  end: number;
}

export class SqlGuardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlGuardError';
  }
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DIGIT = /[0-9]/;

/** Every token of `sql`, comments and white space left out. Unterminated strings or comments are refused. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = sql.length;
  const push = (kind: TokenKind, start: number, end: number, value = sql.slice(start, end)) => tokens.push({ kind, text: sql.slice(start, end), value, start, end });

  /** A '…' string from `open` (the quote); '' is a quote; with `escapes`, so is \' (E'' strings). */
  const quotedString = (open: number, escapes: boolean): [number, string] => {
    let value = '';
    let j = open + 1;
    for (;;) {
      if (j >= n) throw new SqlGuardError(`unterminated string starting at character ${open + 1}`);
      const ch = sql[j];
      if (escapes && ch === '\\') {
        if (j + 1 >= n) throw new SqlGuardError(`unterminated string starting at character ${open + 1}`);
        value += sql[j + 1];
        j += 2;
      } else if (ch === "'") {
        if (sql[j + 1] === "'") {
          value += "'";
          j += 2;
        } else return [j + 1, value];
      } else {
        value += ch;
        j++;
      }
    }
  };

  while (i < n) {
    const ch = sql[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const eol = sql.indexOf('\n', i);
      i = eol === -1 ? n : eol + 1;
    } else if (ch === '/' && sql[i + 1] === '*') {
      // DuckDB's parser (PostgreSQL's) nests block comments.
      let depth = 1;
      let j = i + 2;
      while (depth > 0) {
        if (j >= n) throw new SqlGuardError(`unterminated comment starting at character ${i + 1}`);
        if (sql[j] === '/' && sql[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (sql[j] === '*' && sql[j + 1] === '/') {
          depth--;
          j += 2;
        } else j++;
      }
      i = j;
    } else if (ch === "'") {
      const [end, value] = quotedString(i, false);
      push('string', i, end, value);
      i = end;
    } else if ((ch === 'E' || ch === 'e') && sql[i + 1] === "'") {
      const [end, value] = quotedString(i + 1, true);
      push('string', i, end, value);
      i = end;
    } else if (ch === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= n) throw new SqlGuardError(`unterminated quoted identifier starting at character ${i + 1}`);
        if (sql[j] === '"') {
          if (sql[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += sql[j++];
      }
      push('quoted', i, j + 1, value);
      i = j + 1;
    } else if (ch === '$') {
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i, i + 200));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        if (close === -1) throw new SqlGuardError(`unterminated dollar-quoted string starting at character ${i + 1}`);
        push('string', i, close + tag[0].length, sql.slice(i + tag[0].length, close));
        i = close + tag[0].length;
      } else {
        let j = i + 1;
        while (j < n && WORD_PART.test(sql[j]) && sql[j] !== '$') j++;
        push('param', i, j);
        i = j;
      }
    } else if (DIGIT.test(ch) || (ch === '.' && DIGIT.test(sql[i + 1] ?? ''))) {
      let j = i;
      while (j < n && /[0-9._]/.test(sql[j])) j++;
      if (j < n && /[eE]/.test(sql[j]) && /[-+0-9]/.test(sql[j + 1] ?? '')) {
        j += 2;
        while (j < n && DIGIT.test(sql[j])) j++;
      }
      push('number', i, j);
      i = j;
    } else if (WORD_START.test(ch)) {
      let j = i + 1;
      while (j < n && WORD_PART.test(sql[j])) j++;
      push('word', i, j, sql.slice(i, j).toUpperCase());
      i = j;
    } else if (ch === ';') {
      push('semicolon', i, i + 1);
      i++;
    } else if (ch === '?') {
      push('param', i, i + 1);
      i++;
    } else {
      push('symbol', i, i + 1);
      i++;
    }
  }
  return tokens;
}

/** The statements of a token list (split at `;`); empty ones (only comments, a trailing `;`) left out. */
export function splitStatements(tokens: readonly Token[]): Token[][] {
  const statements: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'semicolon') statements.push([]);
    else statements[statements.length - 1].push(t);
  }
  return statements.filter((s) => s.length > 0);
}

/** Statements that only read. EXPLAIN, DESCRIBE, SUMMARIZE and SHOW may wrap another statement, which is checked in turn. */
export const READ_STATEMENTS = ['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'PIVOT', 'UNPIVOT', 'EXPLAIN', 'DESCRIBE', 'SUMMARIZE', 'SHOW'] as const;
const READ: ReadonlySet<string> = new Set(READ_STATEMENTS);
const WRAPPERS: ReadonlySet<string> = new Set(['EXPLAIN', 'DESCRIBE', 'SUMMARIZE', 'SHOW']);

/** What a statement keyword would do; refused wherever it appears (these words are reserved in DuckDB). */
const WRITES: Readonly<Record<string, string>> = {
  INSERT: 'writes rows',
  UPDATE: 'changes rows (or extensions)',
  DELETE: 'deletes rows',
  TRUNCATE: 'deletes rows',
  MERGE: 'writes rows',
  CREATE: 'creates a table, view, function, secret or other object',
  DROP: 'drops an object',
  ALTER: 'alters an object',
  ATTACH: 'attaches a database',
  DETACH: 'detaches a database',
  COPY: 'copies data to or from a file',
  EXPORT: 'exports the database',
  IMPORT: 'imports a database',
  INSTALL: 'installs an extension',
  PRAGMA: 'runs a pragma (which can change settings)',
  INTO: 'writes a result into a table',
  CHECKPOINT: 'writes the database to storage',
  VACUUM: 'rewrites the database',
  GRANT: 'changes permissions',
  REVOKE: 'changes permissions',
};

/** Words refused where a statement starts (they are ordinary names elsewhere: a column may be called `load`). */
const STATEMENT_WRITES: Readonly<Record<string, string>> = {
  LOAD: 'loads an extension',
  FORCE: 'installs an extension',
  SET: 'changes a setting',
  RESET: 'resets a setting',
  CALL: 'calls a procedure (which can change settings)',
  USE: 'changes the default database',
  BEGIN: 'controls a transaction',
  START: 'controls a transaction',
  COMMIT: 'controls a transaction',
  ROLLBACK: 'controls a transaction',
  ABORT: 'controls a transaction',
  END: 'controls a transaction',
  PREPARE: 'prepares another statement',
  EXECUTE: 'runs another statement',
  DEALLOCATE: 'drops a prepared statement',
  ANALYZE: 'gathers statistics',
  COMMENT: 'changes a comment on an object',
  UPSERT: 'writes rows',
};

/**
 * Functions that read files or the network (the page must stay offline and within its dataset), or
 * that run SQL held in a string, which this check could not see into.
 */
const FILE_FUNCTIONS: ReadonlySet<string> = new Set([
  'READ_CSV', 'READ_CSV_AUTO', 'READ_PARQUET', 'PARQUET_SCAN', 'READ_JSON', 'READ_JSON_AUTO', 'READ_JSON_OBJECTS',
  'READ_JSON_OBJECTS_AUTO', 'READ_NDJSON', 'READ_NDJSON_AUTO', 'READ_NDJSON_OBJECTS', 'READ_TEXT', 'READ_BLOB', 'GLOB',
  'SNIFF_CSV', 'PARQUET_METADATA', 'PARQUET_SCHEMA', 'PARQUET_FILE_METADATA', 'PARQUET_KV_METADATA', 'PARQUET_BLOOM_PROBE',
  'READ_XLSX', 'ICEBERG_SCAN', 'ICEBERG_METADATA', 'DELTA_SCAN', 'SQLITE_SCAN', 'SQLITE_ATTACH', 'POSTGRES_SCAN',
  'POSTGRES_ATTACH', 'MYSQL_SCAN', 'QUERY', 'QUERY_TABLE',
]);

const READ_LIST = READ_STATEMENTS.join(', ');

function refuse(statement: number, total: number, what: string): never {
  const which = total > 1 ? `statement ${statement} ` : '';
  throw new SqlGuardError(`refused: ${which}${what}. Only statements that read may run here (${READ_LIST}); the data is unchanged.`);
}

function checkStatement(tokens: readonly Token[], index: number, total: number): void {
  // The statement proper: past opening parentheses and the EXPLAIN [ANALYZE] / DESCRIBE / SUMMARIZE / SHOW wrappers.
  let k = 0;
  while (tokens[k]?.text === '(') k++;
  const first = tokens[k];
  if (!first || first.kind !== 'word') refuse(index, total, `does not start with a statement keyword (${first ? first.text : 'nothing'})`);
  if (!READ.has(first.value)) {
    const does = WRITES[first.value] ?? STATEMENT_WRITES[first.value];
    refuse(index, total, does ? `${first.value} ${does}` : `${first.value} is not a statement that only reads`);
  }
  // Where a statement starts: the first word and the one after a wrapper (EXPLAIN ANALYZE DELETE …
  // runs the DELETE). The main statement after a WITH's CTEs can only be SELECT or one of WRITES.
  let statementStart = true;
  let explained = false;
  for (let j = k; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind !== 'word') {
      statementStart = false;
      continue;
    }
    // UNPIVOT … INTO NAME k VALUE v names its output columns: the one INTO that writes nothing.
    const unpivotNames = t.value === 'INTO' && tokens[j + 1]?.kind === 'word' && tokens[j + 1].value === 'NAME';
    if (Object.hasOwn(WRITES, t.value) && !unpivotNames) refuse(index, total, `contains ${t.value}, which ${WRITES[t.value]}`);
    if (statementStart && Object.hasOwn(STATEMENT_WRITES, t.value) && !(t.value === 'ANALYZE' && explained)) {
      refuse(index, total, `contains ${t.value}, which ${STATEMENT_WRITES[t.value]}`);
    }
    // After EXPLAIN [ANALYZE] only a statement that reads may follow.
    if (explained && t.value !== 'ANALYZE' && !READ.has(t.value)) refuse(index, total, `explains ${t.value}, which is not a statement that only reads`);
    if (FILE_FUNCTIONS.has(t.value) && tokens[j + 1]?.text === '(' && tokens[j - 1]?.text !== '.') {
      refuse(index, total, `calls ${t.text}(), which reads files, the network or SQL text this check cannot see into`);
    }
    explained = statementStart && (t.value === 'EXPLAIN' || (t.value === 'ANALYZE' && explained));
    statementStart = WRAPPERS.has(t.value) || explained || (statementStart && t.value === 'ALL');
  }
}

/**
 * Refuses (throws SqlGuardError) unless `sql` is exactly one statement that only reads; returns
 * its tokens. Every statement is checked first, so a write after a `;` is named as such.
 */
export function assertReadOnly(sql: string): Token[] {
  const statements = splitStatements(tokenize(sql));
  if (statements.length === 0) throw new SqlGuardError('nothing to run: the text holds no statement');
  statements.forEach((s, i) => checkStatement(s, i + 1, statements.length));
  if (statements.length > 1) throw new SqlGuardError(`refused: ${statements.length} statements; run one statement at a time`);
  return statements[0];
}

const TABLE_BEFORE: ReadonlySet<string> = new Set(['FROM', 'JOIN', 'TABLE', 'DESCRIBE', 'SUMMARIZE', 'SHOW', 'PIVOT', 'UNPIVOT']);
const SCHEMAS: ReadonlySet<string> = new Set(['MAIN', 'MEMORY']);

/**
 * The names of `candidates` (dataset tables) that the statement reads: identifiers right after
 * FROM, JOIN, TABLE, DESCRIBE, SUMMARIZE, SHOW, PIVOT or a comma (a FROM list), or after `main.`.
 * A comma in a SELECT list over-counts (a column named like a table loads that table too): loading
 * one table too many costs time; missing one would run the query over a table not fully loaded.
 */
export function tablesNamed(tokens: readonly Token[], candidates: readonly string[]): string[] {
  const byName = new Map(candidates.map((c) => [c.toLowerCase(), c]));
  const found = new Set<string>();
  tokens.forEach((t, j) => {
    if (t.kind !== 'word' && t.kind !== 'quoted') return;
    // Unquoted VALUES is the keyword; the table must be written "values".
    if (t.kind === 'word' && t.value === 'VALUES') return;
    const name = byName.get(t.value.toLowerCase());
    if (!name || tokens[j + 1]?.text === '(') return;
    const before = tokens[j - 1];
    const schema = before?.text === '.' ? tokens[j - 2] : undefined;
    if (schema) {
      if (SCHEMAS.has(schema.value.toUpperCase())) found.add(name);
      return;
    }
    if (before && ((before.kind === 'word' && TABLE_BEFORE.has(before.value)) || before.text === ',')) found.add(name);
  });
  return [...found].sort();
}

/** A parameter as a SQL literal: strings quoted with '' doubled, numbers as written, NULL, TRUE/FALSE. */
export function sqlLiteral(value: Param): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SqlGuardError(`cannot write ${value} as a SQL literal`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** `sql` with each `?` placeholder (outside strings, identifiers and comments) replaced by its parameter as a literal. */
export function inlineParams(sql: string, params: readonly Param[]): string {
  const slots = tokenize(sql).filter((t) => t.kind === 'param' && t.text === '?');
  if (slots.length !== params.length) throw new SqlGuardError(`the SQL has ${slots.length} placeholders for ${params.length} parameters`);
  let out = '';
  let at = 0;
  slots.forEach((slot, i) => {
    out += sql.slice(at, slot.start) + sqlLiteral(params[i]);
    at = slot.end;
  });
  return out + sql.slice(at);
}
