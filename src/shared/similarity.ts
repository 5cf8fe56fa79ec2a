// When two reports' narratives count as copies: ingest keeps such pairs (src/ingest/similar), and
// the copied-reports view says these figures when it finds none.

/** A pair is kept at this Jaccard similarity, or when this much of the shorter narrative is in the other (a cut or extended copy). */
export const MIN_SIMILARITY = 0.5;
export const MIN_CONTAINMENT = 0.8;
