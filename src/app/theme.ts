// Light or dark: the system's preference (prefers-color-scheme) until the reader picks one with
// the header's switch, which is then kept (localStorage) for the next visit.
import { useEffect, useState } from 'react';
import { setChartScheme, type ColorScheme } from '../charts';

const STORAGE_KEY = 'gongkai.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function stored(): ColorScheme | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null;
  }
}

const systemScheme = (): ColorScheme => (window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light');

/** The scheme to show now: the reader's choice, else the system's. */
export const initialScheme = (): ColorScheme => stored() ?? systemScheme();

/** Paints the page and every chart in `scheme`. */
export function applyScheme(scheme: ColorScheme): void {
  document.documentElement.dataset.theme = scheme;
  document.documentElement.style.colorScheme = scheme;
  setChartScheme(scheme);
}

// Printed charts are light whatever the screen shows.
if (typeof window !== 'undefined' && window.matchMedia) {
  window.matchMedia('print').addEventListener('change', (print) => setChartScheme(print.matches ? 'light' : (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light')));
}

export function useScheme(): [ColorScheme, (scheme: ColorScheme) => void] {
  const [scheme, setScheme] = useState<ColorScheme>(initialScheme);
  useEffect(() => applyScheme(scheme), [scheme]);
  // Follows the system while the reader has not chosen.
  useEffect(() => {
    const media = window.matchMedia?.(DARK_QUERY);
    if (!media) return;
    const onChange = () => {
      if (stored() === null) setScheme(systemScheme());
    };
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  const choose = (next: ColorScheme) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setScheme(next);
  };
  return [scheme, choose];
}
