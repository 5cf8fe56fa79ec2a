export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];
export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);
