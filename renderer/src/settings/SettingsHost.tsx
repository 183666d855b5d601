import { create } from 'zustand';
import type { Preferences } from '../../../core/ipc/app';
import { ApiError, call } from '../api';
import { returnToCanvas } from '../canvas/canvasFocus';
import { useCommands } from '../commands';
import { showNotice, useShoshin } from '../store';
import { t } from '../i18n';
import { SettingsDialog } from './SettingsDialog';

interface SettingsUi {
  /** The preferences the open dialog starts from; null while it is closed. */
  open: Preferences | null;
  show: () => void;
  hide: () => void;
}

/** Settings, open or not: any screen's button, the palette and Ctrl+, open the one dialog. */
export const useSettingsUi = create<SettingsUi>((set) => ({
  open: null,
  show: () => {
    const known = useShoshin.getState().home?.preferences;
    if (known) return set({ open: known });
    // Opened straight into an engagement, the home screen's copy was never read.
    call('app.home', {}).then(
      (home) => set({ open: home.preferences }),
      (error: unknown) => showNotice(error instanceof ApiError ? error.message : t('shell.store.genericError'), { error: true }),
    );
  },
  hide: () => set({ open: null }),
}));

/** The Settings dialog (the theme lives only here), reachable from the home screen and an open engagement alike. */
export function SettingsHost() {
  const open = useSettingsUi((s) => s.open);

  useCommands(
    () => [
      {
        id: 'app.settings',
        title: t('shell.home.settingsCommand'),
        group: t('shell.commandList.group.file'),
        shortcut: 'Mod+,',
        whileTyping: true,
        run: () => useSettingsUi.getState().show(),
      },
    ],
    [],
  );

  if (!open) return null;
  return (
    <SettingsDialog
      initial={open}
      onClose={(saved) => {
        useSettingsUi.getState().hide();
        const { home, screen } = useShoshin.getState();
        if (saved && home) useShoshin.setState({ home: { ...home, preferences: saved } });
        if (screen === 'engagement') returnToCanvas();
      }}
    />
  );
}
