import { useCallback } from 'react';
import { call } from '../api';
import { showNotice } from '../store';
import { t } from '../i18n';

/** "Save a copy as": the main process picks the place (a dialog, or the data folder in the browser). */
export function useSaveCopy(): () => void {
  return useCallback(() => {
    call('engagement.saveCopy', {}).then(
      (result) => {
        if (result) showNotice(t('shell.saveCopy.saved', { path: result.path }));
      },
      (error: unknown) => showNotice((error as Error).message, { error: true }),
    );
  }, []);
}
