import { useDataset } from '../data/dataset';
import { useI18n } from '../i18n/context';

/** 12.3 MB: bytes in megabytes with one decimal. */
export const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * The bytes of the engine read so far, and of how many when that is known. A compressed download
 * reports its compressed size as the total while the bytes read are the unpacked ones: the total
 * is then left out rather than shown smaller than what was read.
 */
export function progressText(loaded: number, total: number, t: ReturnType<typeof useI18n>['t']): string {
  return total > 0 && loaded <= total ? t('loading.bytes', { loaded: megabytes(loaded), total: megabytes(total) }) : t('loading.bytesUnknown', { loaded: megabytes(loaded) });
}

/** While the engine loads: a progress bar with bytes. After: nothing visible (the bytes read stay on the element for tests). */
export function EngineProgress() {
  const { t } = useI18n();
  const { info, error, progress } = useDataset();
  const loading = !info && !error;
  const known = progress !== null && progress.total > 0 && progress.loaded <= progress.total;
  return (
    <div className="engine-progress" data-testid="engine-progress" data-loaded={progress?.loaded ?? 0} hidden={!loading || progress === null}>
      {loading && progress !== null ? (
        <>
          <progress max={known ? progress.total : undefined} value={known ? progress.loaded : undefined} aria-label={t('loadingEngine')} />
          <span>{progressText(progress.loaded, progress.total, t)}</span>
        </>
      ) : null}
    </div>
  );
}
