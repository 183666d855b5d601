import { create } from 'zustand';
import { ApiError, call } from '../api';
import { showNotice } from '../store';
import { t } from '../i18n';

/**
 * The workshop being captured right now: new steps and quotes record it, so the report can say
 * which session they came from. Kept in the engagement file (outside the undo history), so a
 * reload, a restart and the browser host's new address each run all keep it.
 */
interface CurrentSession {
  sessionId: string | null;
  engagementId: string | null;
  choose: (engagementId: string, sessionId: string | null) => void;
  restore: (engagementId: string) => void;
}

function tell(error: unknown): void {
  showNotice(error instanceof ApiError ? error.message : t('shell.store.genericError'), { error: true });
}

export const useCurrentSession = create<CurrentSession>((set, get) => ({
  sessionId: null,
  engagementId: null,
  choose: (engagementId, sessionId) => {
    set({ engagementId, sessionId });
    call('capture.chooseSession', { sessionId }).catch(tell);
  },
  restore: (engagementId) => {
    set({ engagementId, sessionId: null });
    call('capture.session', {}).then(({ sessionId }) => {
      // Only if nothing was chosen meanwhile, in this engagement.
      if (get().engagementId === engagementId && get().sessionId === null) set({ sessionId });
    }, tell);
  },
}));
