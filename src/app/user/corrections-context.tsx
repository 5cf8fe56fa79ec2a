// The page's corrections: read from the browser's store when the dataset is ready, handed to the
// data worker (which rebuilds the corrected reports' rows), and changed from the Report view.
// Queries wait until the stored corrections are in (`ready`) and are keyed by `version`, so no
// view shows a figure from before a correction was made or removed.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CorrectionOutcome } from '../../db/protocol';
import { useDataset } from '../data/dataset';
import { appliedCorrections, type AppliedCorrection } from './corrections-in-rows';
import { useLayerVersion } from './UserLayer';
import { correctionKey, CorrectionsStore, indexedDbBackend, type ImportResult, type StoredCorrection } from './corrections-store';

export interface CorrectionsState {
  /** The stored corrections have been handed to the worker (or there is no store to read). */
  ready: boolean;
  /** Bumped whenever the worker's tables change. */
  version: number;
  list: StoredCorrection[];
  /** What became of each correction, by correctionKey. */
  outcomes: ReadonlyMap<string, CorrectionOutcome>;
  applied: AppliedCorrection[];
  error: Error | null;
  /** The name last given, remembered for the next correction. */
  author: string;
  save(correction: StoredCorrection): Promise<void>;
  remove(key: string): Promise<void>;
  importCsv(text: string): Promise<ImportResult>;
  exportCsv(): Promise<string>;
}

const noop = async () => {};
const CorrectionsContext = createContext<CorrectionsState>({
  ready: true,
  version: 0,
  list: [],
  outcomes: new Map(),
  applied: [],
  error: null,
  author: '',
  save: noop,
  remove: noop,
  importCsv: async () => ({ corrections: [], invalid: [] }),
  exportCsv: async () => '',
});

const AUTHOR_KEY = 'gongkai.corrections.author';

function rememberedAuthor(): string {
  try {
    return localStorage.getItem(AUTHOR_KEY) ?? '';
  } catch {
    return '';
  }
}

export function CorrectionsProvider({ children, store: given }: { children: ReactNode; store?: CorrectionsStore }) {
  const { client, info } = useDataset();
  const store = useMemo(() => given ?? (typeof indexedDB === 'undefined' ? null : new CorrectionsStore(indexedDbBackend())), [given]);
  const [state, setState] = useState({ ready: false, version: 0, list: [] as StoredCorrection[], outcomes: new Map<string, CorrectionOutcome>(), error: null as Error | null, layer: undefined as string | null | undefined });
  // The user's layer the corrections were last sent over: a layer just loaded is uncorrected until they are sent again.
  const layerVersion = useLayerVersion();
  const currentLayer = useRef(layerVersion);
  currentLayer.current = layerVersion;
  const [author, setAuthor] = useState(rememberedAuthor);
  // One sync at a time, in order: a later change never lands before an earlier one.
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const sync = useCallback(() => {
    const run = chain.current.then(async () => {
      if (!client || !info) return;
      const layer = currentLayer.current;
      try {
        const list = store ? await store.list() : [];
        const { outcomes } = await client.setCorrections({ corrections: list });
        setState((s) => ({ ready: true, version: s.version + 1, list, outcomes: new Map(list.map((c, i) => [correctionKey(c), outcomes[i]])), error: null, layer }));
      } catch (error) {
        setState((s) => ({ ...s, ready: true, version: s.version + 1, error: error as Error, layer }));
      }
    });
    chain.current = run;
    return run;
  }, [client, info, store]);

  // Again whenever the user's layer is replaced: its reports are corrected as the dataset's are.
  useEffect(() => {
    void sync();
  }, [sync, layerVersion]);

  const value = useMemo<CorrectionsState>(() => {
    const needStore = (): CorrectionsStore => {
      if (!store) throw new Error('this browser has no IndexedDB: corrections cannot be kept');
      return store;
    };
    return {
      ...state,
      // Not ready over a layer loaded since: queries would read its uncorrected values.
      ready: state.ready && state.layer === layerVersion,
      applied: appliedCorrections([...state.outcomes.values()].filter(Boolean)),
      author,
      async save(correction) {
        await needStore().save(correction);
        setAuthor(correction.author.trim());
        try {
          localStorage.setItem(AUTHOR_KEY, correction.author.trim());
        } catch {
          // Not remembered; the correction is kept all the same.
        }
        await sync();
      },
      async remove(key) {
        await needStore().remove(key);
        await sync();
      },
      async importCsv(text) {
        const result = await needStore().import(text);
        await sync();
        return result;
      },
      exportCsv: () => needStore().export(),
    };
  }, [state, layerVersion, author, store, sync]);

  return <CorrectionsContext.Provider value={value}>{children}</CorrectionsContext.Provider>;
}

export const useCorrections = (): CorrectionsState => useContext(CorrectionsContext);
