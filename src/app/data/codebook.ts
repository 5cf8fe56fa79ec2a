// The data dictionary of a download, from the metric catalogue: one row per metric (id, column,
// labels, unit, place in each form, meaning, rates using it), and the line to cite a file by.
import { CATALOGUE, RATES } from '../../shared/metric-catalogue';
import { METRIC_IDS } from '../../shared/metrics';
import { wideColumnName } from '../../shared/wide-metrics';
import type { Row } from './rows';

export const CODEBOOK_COLUMNS = ['id', 'column', 'label_zh', 'label_en', 'unit_zh', 'unit_en', 'section', 'table2019', 'table2021', 'narrative', 'meaning_zh', 'meaning_en', 'rates'];

export function codebookRows(): Row[] {
  const metrics = METRIC_IDS.map((id) => {
    const e = CATALOGUE.get(id)!;
    return {
      id,
      column: wideColumnName(id),
      label_zh: e.label.zh,
      label_en: e.label.en,
      unit_zh: e.unit.zh,
      unit_en: e.unit.en,
      section: e.section,
      table2019: e.place.table2019?.zh ?? null,
      table2021: e.place.table2021?.zh ?? null,
      narrative: e.place.narrative ? 'yes' : 'no',
      meaning_zh: e.meaning?.zh ?? null,
      meaning_en: e.meaning?.en ?? null,
      rates: e.rates.join(' '),
    };
  });
  const rates = RATES.map((r) => ({
    id: r.id,
    column: null,
    label_zh: r.label.zh,
    label_en: r.label.en,
    unit_zh: '%',
    unit_en: '%',
    section: 'rate',
    table2019: null,
    table2021: null,
    narrative: null,
    meaning_zh: `Σ(${r.numerator.join(' + ')}) ÷ Σ(${[r.denominator.plus.join(' + '), ...r.denominator.minus].join(' − ')})；${r.excluded.zh}`,
    meaning_en: `Σ(${r.numerator.join(' + ')}) ÷ Σ(${[r.denominator.plus.join(' + '), ...r.denominator.minus].join(' − ')}); ${r.excluded.en}`,
    rates: null,
  }));
  return [...metrics, ...rates];
}

/** How to cite a file: the dataset version and the date, with the page it came from. */
export const citation = (fileName: string, datasetVersion: string | null, date: string, url: string): string =>
  `Gongkai 公开 — ${fileName}; dataset ${datasetVersion ? datasetVersion.slice(0, 12) : 'unknown'}; retrieved ${date}; ${url}`;
