import { useCallback } from 'react';
import { call } from '../api';
import { useShoshin } from '../store';
import { t } from '../i18n';

/** "Save a copy as": the main process picks the place (a dialog, or the data folder in the browser). */
export function useSaveCopy(): () => void {
  return useCallback(() => {
    call('engagement.saveCopy', {}).then(
      (result) => {
        if (result) useShoshin.setState({ notice: t('shell.saveCopy.saved', { path: result.path }) });
      },
      (error: unknown) => useShoshin.setState({ notice: (error as Error).message }),
    );
  }, []);
}
