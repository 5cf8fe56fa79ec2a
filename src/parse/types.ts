export type Template = 'narrative' | 'table2019' | 'table2021';
export type Level = 'province' | 'city' | 'county' | 'town' | 'department';
export type Scope = 'self' | 'area';
export type Status = 'ok' | 'partial' | 'failed';

export interface Facts {
  issuer: string | null;
  jurisdiction: string | null;
  level: Level | null;
  scope: Scope;
  year: number | null;
  published: string | null;
  template: Template | null;
  /** How the template was decided: from printed table headers/rows, or from the year alone. */
  template_basis: 'printed' | 'year' | null;
  encoding: string | null;
  synthetic: boolean;
}

export interface Value {
  metric: string;
  value: number;
  approx: boolean;
  derived: boolean;
  /** Character offsets into the report's plain text ([start, end)). */
  start: number;
  end: number;
  /** Where the value came from: a table cell or a narrative sentence. */
  source: 'table' | 'narrative';
  /**
   * Present (true) when the table printed this cell run together with its neighbours
   * (`规章000`) and the value comes from the one split of the digits the arithmetic allows;
   * start/end then cover the whole digit group it was cut from.
   */
  split?: true;
  /**
   * Present (true) when no figure is printed for this metric and the value is read from what a
   * sentence says of another printed figure (共受理申请2件,均已答复: the 2 received are the handled);
   * start/end then cover that figure. Never presented as printed.
   */
  inferred?: true;
  /** For a PDF: the page (1-based) and box (PDF units, origin bottom left) the value is printed in. */
  pdf?: PdfBox;
}

export interface PdfBox {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Check {
  id: string;
  status: 'pass' | 'fail' | 'not_assessable';
  expected: number | null;
  actual: number | null;
  metrics: string[];
}

export interface ParsedReport {
  status: Status;
  error?: string;
  facts: Facts;
  values: Value[];
  checks: Check[];
  warnings: string[];
  /** The plain text the spans point into (the decoded text; for HTML, its rendering). */
  text: string;
}
