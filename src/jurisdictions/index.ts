// Jurisdictions: the gazetteer (data/gazetteer/) and the issuer resolver. Isomorphic; the Node
// file loader is ./load-node (not re-exported here, so a browser bundle never sees node:*).
export * from './types';
export { Gazetteer, overrideKey, type GazetteerInput } from './gazetteer';
export { resolveIssuer } from './resolve';
export { matchForm } from './names';
export { parseDivisionsCsv, parseLineageCsv, parseOverridesCsv, divisionsToCsv, lineageToCsv } from './csv';
