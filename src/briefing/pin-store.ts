// The pins collected while browsing, kept in localStorage until the briefing page takes them into
// its URL (where the briefing itself lives).
import { MAX_PINS, normalisePin } from '../app/state/url-state';

const KEY = 'gongkai.briefing.pins';
const listeners = new Set<() => void>();

export function storedPins(): string[] {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    const pins = raw.map((p) => (typeof p === 'string' ? normalisePin(p) : null)).filter((p): p is string => p !== null);
    return [...new Set(pins)].slice(0, MAX_PINS);
  } catch {
    return [];
  }
}

export function storePins(pins: readonly string[]): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(pins.slice(0, MAX_PINS)));
  } catch {
    // Storage refused (private mode): the briefing URL still holds the pins.
  }
  for (const listener of listeners) listener();
}

/** Adds a chart's link (its URL or query string); false when it is not a pinnable chart or the briefing is full. */
export function addPin(link: string): boolean {
  const pin = normalisePin(link.includes('?') ? link.slice(link.indexOf('?')) : link);
  if (pin === null) return false;
  const pins = storedPins();
  if (pins.includes(pin)) return true;
  if (pins.length >= MAX_PINS) return false;
  storePins([...pins, pin]);
  return true;
}

export function onPinsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
