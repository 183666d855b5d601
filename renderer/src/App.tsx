import { useEffect } from 'react';
import { handleKeyDown } from './commands';
import { EngagementScreen } from './screens/EngagementScreen';
import { HomeScreen } from './screens/HomeScreen';
import { useShoshin } from './store';
import { OpenProblemDialog } from './safety/OpenProblemDialog';
import { Notice } from './ui/Notice';

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

  return (
    <>
      {screen === 'home' && <HomeScreen />}
      {screen === 'engagement' && <EngagementScreen />}
      {screen === 'loading' && <p className="visually-hidden">Loading Shoshin</p>}
      <Notice />
      <OpenProblemDialog />
    </>
  );
}
