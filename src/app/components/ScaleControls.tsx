import { useI18n } from '../i18n/context';
import { SCALES, type Scale } from '../state/url-state';

/** The value axis (linear or log) and, where the view offers it, the index mode (a base year = 100). */
export function ScaleControls({ scale, index, onChange }: { scale: Scale; index?: boolean; onChange: (patch: { scale?: Scale; index?: boolean }) => void }) {
  const { t } = useI18n();
  return (
    <>
      <label>
        {t('scale.label')}
        <select data-testid="scale" value={scale} onChange={(e) => onChange({ scale: e.target.value as Scale })}>
          {SCALES.map((s) => <option key={s} value={s}>{t(`scale.${s}`)}</option>)}
        </select>
      </label>
      {index === undefined ? null : (
        <label>
          <input type="checkbox" data-testid="index" checked={index} onChange={(e) => onChange({ index: e.target.checked })} />
          {t('scale.index')}
        </label>
      )}
    </>
  );
}
