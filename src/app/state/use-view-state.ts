import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { parseViewState, serialiseViewState, type Notice, type ViewState } from './url-state';

function read(): { state: ViewState; notices: Notice[] } {
  return parseViewState(window.location.search);
}

/**
 * The view state, read from and written to the URL. A change pushes a history entry, so Back
 * works; the URL is rewritten to its canonical form when parameters had to be dropped.
 */
export interface UpdateOptions {
  /** Rewrite the current history entry instead of adding one (a correction, not a user's step). */
  replace?: boolean;
  /** Notices to show after the change (none by default: a user's change clears them). */
  notices?: Notice[];
  /** Notices added to those already shown (a correction found after others). */
  addNotices?: Notice[];
}

export type UpdateState = (patch: Partial<ViewState>, options?: UpdateOptions) => void;

export function useViewState(): [ViewState, UpdateState, Notice[]] {
  const [{ state, notices }, setParsed] = useState(read);
  // Once, on load: the URL rewritten to the canonical form of the state read from it. A layout
  // effect, so it runs before any view's effects: a view's first update (Briefing's stored pins)
  // is written after it, never overwritten by the state of before (effects run child first).
  const [initial] = useState(state);
  useLayoutEffect(() => {
    const canonical = serialiseViewState(initial);
    if (canonical !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${canonical}${window.location.hash}`);
  }, [initial]);
  useEffect(() => {
    const onPop = () => setParsed(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback<UpdateState>((patch, options) => {
    setParsed((current) => {
      const next = { ...current.state, ...patch };
      const search = serialiseViewState(next);
      if (search !== window.location.search) {
        if (options?.replace) window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
        else window.history.pushState(null, '', `${window.location.pathname}${search}`);
      }
      return { state: next, notices: options?.addNotices ? [...current.notices, ...options.addNotices] : (options?.notices ?? []) };
    });
  }, []);
  return [state, update, notices];
}

/** Absolute URL of a state (for copy-link and embeds). */
export function urlOf(state: ViewState): string {
  return `${window.location.origin}${window.location.pathname}${serialiseViewState(state)}`;
}
