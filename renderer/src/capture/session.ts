import { create } from 'zustand';

/**
 * The workshop being captured right now: new steps and quotes record it, so the report can say
 * which session they came from. Kept per engagement for this window, so a reload keeps it.
 */
interface CurrentSession {
  sessionId: string | null;
  engagementId: string | null;
  choose: (engagementId: string, sessionId: string | null) => void;
  restore: (engagementId: string) => void;
}

const key = (engagementId: string) => `shoshin-session:${engagementId}`;

function stored(engagementId: string): string | null {
  try {
    return sessionStorage.getItem(key(engagementId));
  } catch {
    return null;
  }
}

export const useCurrentSession = create<CurrentSession>((set) => ({
  sessionId: null,
  engagementId: null,
  choose: (engagementId, sessionId) => {
    try {
      if (sessionId) sessionStorage.setItem(key(engagementId), sessionId);
      else sessionStorage.removeItem(key(engagementId));
    } catch {
      // Storage may be unavailable; the choice then lasts until reload.
    }
    set({ engagementId, sessionId });
  },
  restore: (engagementId) => set({ engagementId, sessionId: stored(engagementId) }),
}));
