import { useI18n } from '../i18n/context';
import { metricLabel } from '../i18n/metric-labels';

export function MetricSelect({ value, metrics, onChange }: { value: string; metrics: readonly string[]; onChange: (metric: string) => void }) {
  const { t, locale } = useI18n();
  return (
    <label>
      {t('metric')}
      <select data-testid="metric" value={value} onChange={(e) => onChange(e.target.value)}>
        {metrics.map((m) => <option key={m} value={m}>{metricLabel(m, locale)}</option>)}
      </select>
    </label>
  );
}
