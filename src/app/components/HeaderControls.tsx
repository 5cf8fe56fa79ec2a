import { useI18n } from '../i18n/context';
import { useScheme } from '../theme';

/** The dark-mode switch (a toggle button: pressed = dark). */
export function HeaderControls() {
  const { t } = useI18n();
  const [scheme, choose] = useScheme();
  return (
    <button type="button" className="theme-toggle" data-testid="theme-toggle" aria-pressed={scheme === 'dark'} onClick={() => choose(scheme === 'dark' ? 'light' : 'dark')}>
      {t('theme.toggle')}
    </button>
  );
}
