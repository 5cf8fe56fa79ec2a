import { useDataset, useEngineProgress } from '../data/dataset';
import { useI18n } from '../i18n/context';
import { progressText } from './engine-progress-text';

/** While the engine loads: a progress bar with bytes. After: nothing visible (the bytes read stay on the element for tests). */
export function EngineProgress() {
  const { t } = useI18n();
  const { info, error } = useDataset();
  const progress = useEngineProgress();
  const loading = !info && !error;
  const known = progress !== null && progress.total > 0 && progress.loaded <= progress.total;
  return (
    <div className="engine-progress" data-testid="engine-progress" data-loaded={progress?.loaded ?? 0} data-total={progress?.total ?? 0} hidden={!loading || progress === null}>
      {loading && progress !== null ? (
        <>
          <progress max={known ? progress.total : undefined} value={known ? progress.loaded : undefined} aria-label={t('loadingEngine')} />
          <span>{progressText(progress.loaded, progress.total, t)}</span>
        </>
      ) : null}
    </div>
  );
}
