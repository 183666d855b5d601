import type { Preferences } from '../../../core/ipc/app';

/** Themes only swap design tokens (styles.css); this picks which set applies. */
export function applyTheme(theme: Preferences['theme']): void {
  document.documentElement.dataset['theme'] = theme;
}
