import { useI18n } from '../i18n/context';

export function YearRange({ bounds, value, onChange }: { bounds: [number, number] | null; value: [number, number] | null; onChange: (next: [number, number] | null) => void }) {
  const { t } = useI18n();
  if (!bounds) return null;
  const years = Array.from({ length: bounds[1] - bounds[0] + 1 }, (_, i) => bounds[0] + i);
  const [from, to] = value ?? bounds;
  const set = (a: number, b: number) => onChange(a === bounds[0] && b === bounds[1] ? null : [Math.min(a, b), Math.max(a, b)]);
  return (
    <label className="years">
      {t('years')}
      <select data-testid="year-from" value={from} onChange={(e) => set(Number(e.target.value), to)}>
        {years.map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
      –
      <select data-testid="year-to" value={to} onChange={(e) => set(from, Number(e.target.value))}>
        {years.map((y) => <option key={y} value={y}>{y}</option>)}
      </select>
    </label>
  );
}
