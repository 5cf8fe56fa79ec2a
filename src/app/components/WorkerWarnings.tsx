import { useCallback, useSyncExternalStore } from 'react';
import type { DataClient } from '../../db/client';
import { useI18n } from '../i18n/context';

const NONE: readonly string[] = [];

/** The data worker's warnings so far (DataClient.warnings), re-rendering when one is added. */
export function useWorkerWarnings(client: DataClient | null): readonly string[] {
  const subscribe = useCallback((changed: () => void) => (client ? client.onWarnings(changed) : () => {}), [client]);
  const snapshot = () => client?.warnings ?? NONE;
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** One status line when a stored answer could not be used (the page's figures are still right, built from the rows); the worker's words behind a disclosure. */
export function WorkerWarnings({ client }: { client: DataClient | null }) {
  const { t } = useI18n();
  const warnings = useWorkerWarnings(client);
  if (warnings.length === 0) return null;
  return (
    <div className="status worker-warnings" role="status" data-testid="worker-warnings" data-count={warnings.length}>
      {t('storedAnswerNotUsed')}{' '}
      <details>
        <summary>{t('storedAnswerDetail')}</summary>
        <ul>
          {warnings.map((w) => <li key={w} lang="en">{w}</li>)}
        </ul>
      </details>
    </div>
  );
}
