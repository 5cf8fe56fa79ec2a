// The parts of the methods page (?view=methods); each chart names its part in views/registry.ts.

/** The parts of the page a chart links to (`#methods-<part>`). */
export const METHOD_PARTS = ['templates', 'scope', 'metrics', 'checks', 'rates', 'bodies', 'shares', 'coverage'] as const;
export type MethodPart = (typeof METHOD_PARTS)[number];


