import { create } from 'zustand';
import { useAnalysisUi } from '../analysis/analysisStore';
import { useCommands } from '../commands';
import { t } from '../i18n';
import { useShoshin } from '../store';

/** Transient state of the Documented tab, kept outside it so the commands can open it from anywhere. */
interface DocumentedUi {
  /** The set-up dialog, open with the documented process it starts from. */
  setup: { documentedId: string | null } | null;
  setSetup: (setup: DocumentedUi['setup']) => void;
}

export const useDocumentedUi = create<DocumentedUi>((set) => ({
  setup: null,
  setSetup: (setup) => set({ setup }),
}));

/** The commands of documented versus observed, in the palette from every view. */
export function useDocumentedCommands(): void {
  const processId = useShoshin((s) => s.processId);
  const documented = useShoshin((s) => (s.processId ? (s.snapshot?.tables.processes.get(s.processId)?.documented ?? false) : false));
  const mutate = useShoshin((s) => s.mutate);
  useCommands(
    () => [
      {
        id: 'documented.setUp',
        title: t('documented.commandSetUp'),
        group: t('documented.commandGroup'),
        run: () => {
          useAnalysisUi.getState().setTab('documented');
          useDocumentedUi.getState().setSetup({ documentedId: documented ? processId : null });
        },
      },
      {
        id: 'documented.mark',
        title: documented ? t('documented.commandMarkObserved') : t('documented.commandMarkDocumented'),
        group: t('documented.commandGroup'),
        enabled: () => processId !== null,
        run: () => {
          if (processId) void mutate('process.markDocumented', { id: processId, documented: !documented });
        },
      },
    ],
    [processId, documented, mutate],
  );
}
