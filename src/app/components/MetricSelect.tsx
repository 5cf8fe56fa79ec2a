import { useI18n } from '../i18n/context';
import { isRateLabel, metricLabel, PICKABLE_GROUPS } from '../i18n/metric-labels';

/** A metric menu grouped by the report's section; `metrics` limits it (rates last, in their own group). */
export function MetricSelect({ value, metrics, onChange }: { value: string; metrics: readonly string[]; onChange: (metric: string) => void }) {
  const { t, locale } = useI18n();
  const rates = metrics.filter(isRateLabel);
  return (
    <label>
      {t('metric')}
      <select data-testid="metric" value={value} onChange={(e) => onChange(e.target.value)}>
        {PICKABLE_GROUPS.map((g) => {
          const mine = g.metrics.filter((m) => metrics.includes(m));
          return mine.length === 0 ? null : (
            <optgroup key={g.section} label={g.label(locale)}>
              {mine.map((m) => <option key={m} value={m}>{metricLabel(m, locale)}</option>)}
            </optgroup>
          );
        })}
        {rates.length > 0 ? (
          <optgroup label={t('rates')}>
            {rates.map((m) => <option key={m} value={m}>{metricLabel(m, locale)}</option>)}
          </optgroup>
        ) : null}
      </select>
    </label>
  );
}
