// The parts of the methods page (?view=methods) and which part explains each chart.

/** The parts of the page a chart links to (`#methods-<part>`). */
export const METHOD_PARTS = ['templates', 'scope', 'metrics', 'checks', 'rates', 'bodies', 'shares', 'coverage'] as const;
export type MethodPart = (typeof METHOD_PARTS)[number];

/** Which part of the methods explains each chart. */
export const CHART_METHOD: Record<string, MethodPart> = {
  overview: 'scope',
  templates: 'templates',
  trends: 'scope',
  compare: 'scope',
  outcomes: 'shares',
  review: 'rates',
  benchmark: 'rates',
  map: 'scope',
  reconcile: 'scope',
  coverage: 'coverage',
};

