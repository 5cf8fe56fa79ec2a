// Report facts, one module per fact: the issuer, its jurisdiction and the report's level
// (./issuer), the statistics year and the published date (./dates), the scope (./scope).
export { findIssuer, issuerFacts, jurisdictionOf, levelOf, type IssuerFacts, type Title } from './issuer';
export { findPublished, findYear } from './dates';
export { scopeOf } from './scope';
