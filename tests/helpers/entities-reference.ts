// The rules of the `entities` table written as SQL over facts_wide and jurisdictions: the
// reference ingest's `bodies` table (src/ingest/bodies.ts) is checked against, and the way the
// SQL-builder tests make an entities table from hand-made facts_wide rows.
import { BODY_KEY_SQL } from '../../src/db/sql/query';

/**
 * One row per body: key; name (the gazetteer's latest name of its division, after its parent's
 * for a county or town, then the department: 广州市海珠区, 广州市公安局; the printed name when
 * unresolved); level (`department` for a department); division_code; department; province_code;
 * reports; first_year; last_year; printed_names (every issuer name its reports print, sorted).
 */
export const ENTITIES_REFERENCE_SQL = `CREATE TABLE entities AS
WITH r AS (
  SELECT ${BODY_KEY_SQL} AS key, * FROM facts_wide
),
gazetteer AS (
  SELECT code, arg_max(name, "first") AS name, arg_max(level, "first") AS level, arg_max(kind, "first") AS kind
  FROM jurisdictions GROUP BY code
),
b AS (
  SELECT key, min(division_code) AS division_code, min(nullif(department, '')) AS department,
    min(division_name) AS division_name, min(division_level) AS division_level, min(parent_code) AS parent_code,
    min(province_code) AS province_code, min(level) AS report_level,
    min(issuer) AS issuer,
    count(*) AS reports, min(year) AS first_year, max(year) AS last_year,
    coalesce(list(DISTINCT issuer ORDER BY issuer) FILTER (WHERE issuer IS NOT NULL), []::VARCHAR[]) AS printed_names
  FROM r WHERE key IS NOT NULL
  GROUP BY key
)
SELECT b.key,
  -- Unresolved: the key is the printed name, one name per body.
  CASE WHEN b.division_code IS NULL THEN b.issuer
    ELSE concat(
      CASE WHEN b.division_level IN ('county', 'town') AND p.kind IS DISTINCT FROM 'pseudo' THEN p.name END,
      coalesce(d.name, b.division_name, b.division_code),
      b.department)
  END AS name,
  CASE WHEN b.department IS NOT NULL THEN 'department' WHEN b.division_code IS NOT NULL THEN b.division_level ELSE b.report_level END AS level,
  b.division_code, b.department, b.province_code, b.reports, b.first_year, b.last_year, b.printed_names
FROM b
LEFT JOIN gazetteer d ON d.code = b.division_code
LEFT JOIN gazetteer p ON p.code = b.parent_code
ORDER BY b.key`;

