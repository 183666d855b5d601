import { useEffect } from 'react';
import { call } from './api';
import { handleKeyDown, mirrorToShell, useCommands } from './commands';
import { SettingsHost } from './settings/SettingsHost';
import { applyTheme } from './settings/theme';
import { EngagementScreen } from './screens/EngagementScreen';
import { HomeScreen } from './screens/HomeScreen';
import { showNotice, useShoshin } from './store';
import { OpenProblemDialog } from './safety/OpenProblemDialog';
import { CommandPalette } from './ui/CommandPalette';
import { Notice } from './ui/Notice';
import { ShortcutSheet } from './ui/ShortcutSheet';
import { t } from './i18n';

export function App() {
  const screen = useShoshin((s) => s.screen);
  const boot = useShoshin((s) => s.boot);

  useEffect(() => {
    void boot();
  }, [boot]);

  useEffect(() => {
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, []);

  useEffect(() => mirrorToShell(), []);

  useCommands(
    () => [
      {
        id: 'help.about',
        title: t('shell.app.about'),
        group: t('shell.commandList.group.help'),
        run: () => showNotice(t('shell.app.aboutNotice', { version: __APP_VERSION__ })),
      },
    ],
    [],
  );

  useEffect(() => {
    void call('app.home', {}).then((home) => applyTheme(home.preferences.theme));
  }, []);

  return (
    <>
      {screen === 'home' && <HomeScreen />}
      {screen === 'engagement' && <EngagementScreen />}
      {screen === 'loading' && <p className="visually-hidden">{t('shell.app.loading')}</p>}
      <Notice />
      <OpenProblemDialog />
      <CommandPalette />
      <ShortcutSheet />
      <SettingsHost />
    </>
  );
}
