import { useDataset } from '../data/dataset';
import { yearOptions, type ViewProps } from '../views/common';

/** The report year of the hierarchy and map views (`year`), one of the dataset's years. */
export function YearSelect({ props, year }: { props: ViewProps; year: number | null }) {
  const { t } = props;
  const { summary } = useDataset();
  const options = yearOptions(summary);
  return (
    <label>
      {t('hier.year')}
      <select data-testid="year" value={year ?? ''} onChange={(e) => props.update({ year: Number(e.target.value) })}>
        {options.map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
    </label>
  );
}
