import { useEffect } from 'react';
import { call } from './api';
import { handleKeyDown, mirrorToShell, useCommands } from './commands';
import { applyTheme } from './settings/theme';
import { EngagementScreen } from './screens/EngagementScreen';
import { HomeScreen } from './screens/HomeScreen';
import { useShoshin } from './store';
import { OpenProblemDialog } from './safety/OpenProblemDialog';
import { CommandPalette } from './ui/CommandPalette';
import { Notice } from './ui/Notice';
import { ShortcutSheet } from './ui/ShortcutSheet';

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
        title: 'About Shoshin',
        group: 'Help',
        run: () => useShoshin.setState({ notice: `Shoshin ${__APP_VERSION__}: offline discovery workshops. Your engagements never leave this computer.` }),
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
      {screen === 'loading' && <p className="visually-hidden">Loading Shoshin</p>}
      <Notice />
      <OpenProblemDialog />
      <CommandPalette />
      <ShortcutSheet />
    </>
  );
}
