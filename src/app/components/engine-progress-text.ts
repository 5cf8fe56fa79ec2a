import type { Translate } from '../i18n/messages';

/** 12.3 MB: bytes in megabytes with one decimal. */
export const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * The bytes of the engine read so far, and of how many when that is known. A compressed download
 * reports its compressed size as the total while the bytes read are the unpacked ones: the total
 * is then left out rather than shown smaller than what was read.
 */
export function progressText(loaded: number, total: number, t: Translate): string {
  return total > 0 && loaded <= total ? t('loading.bytes', { loaded: megabytes(loaded), total: megabytes(total) }) : t('loading.bytesUnknown', { loaded: megabytes(loaded) });
}

