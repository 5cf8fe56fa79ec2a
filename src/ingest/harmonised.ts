// facts_wide carries one column per dashboard metric; the list lives in src/shared so the
// browser's SQL builders whitelist exactly the columns ingest writes.
export { WIDE_METRICS as HARMONISED_METRICS, wideColumnName } from '../shared/wide-metrics';
