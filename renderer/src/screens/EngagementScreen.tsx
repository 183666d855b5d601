import { useState } from 'react';
import type { ProcessSummary } from '../../../core/model';
import { AnalysisLayer } from '../analysis/AnalysisLayer';
import { ViewPanel, ViewTabs } from '../analysis/AnalysisTabs';
import { ProcessCanvas } from '../canvas/ProcessCanvas';
import { CaptureControls } from '../capture/CaptureControls';
import { useCommands } from '../commands';
import { useMode } from '../mode';
import { HistoryDialog } from '../safety/HistoryDialog';
import { useSaveCopy } from '../safety/useSaveCopy';
import { useShoshin } from '../store';
import { ExportDialog } from '../report/ExportDialog';
import { PromptDialog } from '../ui/PromptDialog';
import { SaveStatus } from '../ui/SaveStatus';

type Prompt = { kind: 'add' } | { kind: 'rename'; process: ProcessSummary } | null;

/**
 * Read live, not from the render that registered the command: a Redo pressed right after Undo must
 * not be refused because the history had not been refetched yet. While a change is in flight the
 * main process decides (an undo with nothing to undo changes nothing).
 */
function historyAllows(key: 'canUndo' | 'canRedo'): boolean {
  const state = useShoshin.getState();
  return state.save.status === 'saving' || state.history[key];
}

export function EngagementScreen() {
  const engagement = useShoshin((s) => s.engagement);
  const processId = useShoshin((s) => s.processId);
  const history = useShoshin((s) => s.history);
  const selectProcess = useShoshin((s) => s.selectProcess);
  const mutate = useShoshin((s) => s.mutate);
  const goHome = useShoshin((s) => s.goHome);
  const [prompt, setPrompt] = useState<Prompt>(null);
  const presenter = useMode((s) => s.presenter);
  const [showHistory, setShowHistory] = useState(false);
  const [showExport, setShowExport] = useState(false);
  const saveCopy = useSaveCopy();

  useCommands(
    () => [
      {
        id: 'history.undo',
        title: history.undoLabel ? `Undo ${history.undoLabel}` : 'Undo',
        group: 'Edit',
        shortcut: 'Mod+Z',
        run: () => void mutate('history.undo', {}),
        enabled: () => historyAllows('canUndo'),
      },
      {
        id: 'history.redo',
        title: history.redoLabel ? `Redo ${history.redoLabel}` : 'Redo',
        group: 'Edit',
        shortcut: 'Mod+Shift+Z',
        run: () => void mutate('history.redo', {}),
        enabled: () => historyAllows('canRedo'),
      },
      { id: 'history.redoAlt', title: 'Redo', group: 'Edit', shortcut: 'Mod+Y', run: () => void mutate('history.redo', {}), enabled: () => historyAllows('canRedo') },
      { id: 'file.saveCopy', title: 'Save a copy as…', group: 'File', shortcut: 'Mod+Shift+S', whileTyping: true, run: saveCopy },
      { id: 'file.snapshots', title: 'Snapshots…', group: 'File', run: () => setShowHistory(true) },
      { id: 'file.export', title: 'Export report…', group: 'File', shortcut: 'Mod+Shift+E', whileTyping: true, run: () => setShowExport(true) },
      { id: 'file.exportDiagram', title: 'Export diagram…', group: 'File', run: () => setShowExport(true) },
      { id: 'file.close', title: 'Close engagement', group: 'File', shortcut: 'Mod+W', whileTyping: true, run: () => void goHome() },
    ],
    [mutate, history, saveCopy, goHome],
  );

  if (!engagement) return null;
  const ordered = [
    ...engagement.processes.filter((p) => p.parentStepId === null),
    ...engagement.processes.filter((p) => p.parentStepId !== null),
  ];

  const remove = (process: ProcessSummary) => void mutate('process.delete', { id: process.id });

  return (
    <div className={`shell${presenter ? ' presenter' : ''}`}>
      <header className="topbar">
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => void goHome()}>
          ← Home
        </button>
        <span className="topbar-title">{engagement.engagement.name}</span>
        {engagement.engagement.client && <span className="topbar-client">{engagement.engagement.client}</span>}
        <span className="spacer" />
        <CaptureControls />
        <button
          type="button"
          className="btn btn-sm"
          disabled={!history.canUndo}
          title={history.canUndo ? `Undo ${history.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
          onClick={() => void mutate('history.undo', {})}
        >
          Undo
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!history.canRedo}
          title={history.canRedo ? `Redo ${history.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
          onClick={() => void mutate('history.redo', {})}
        >
          Redo
        </button>
        <button type="button" className="btn btn-sm" onClick={() => setShowHistory(true)}>
          Snapshots
        </button>
        <button type="button" className="btn btn-sm" onClick={saveCopy} title="Save a copy as… (Ctrl+Shift+S)">
          Save a copy
        </button>
        <button type="button" className="btn btn-sm" onClick={() => setShowExport(true)} title="Export the Word report, diagrams and registers (Ctrl+Shift+E)">
          Export…
        </button>
        <SaveStatus />
      </header>
      <nav className="sidebar" aria-label="Processes">
        <div className="sidebar-head">
          <h2>Processes</h2>
          <button type="button" className="btn btn-sm" onClick={() => setPrompt({ kind: 'add' })}>
            Add process
          </button>
        </div>
        <ul className="process-list">
          {ordered.map((process) => (
            <li key={process.id} className={`process-item${process.parentStepId ? ' child' : ''}`} aria-current={process.id === processId}>
              <button type="button" className="process-open" onClick={() => void selectProcess(process.id)}>
                {process.name}
                <span className="process-meta">
                  {process.stepCount} steps · {process.laneCount} lanes
                  {process.painPointCount > 0 ? ` · ${process.painPointCount} pain points` : ''}
                </span>
              </button>
              <button type="button" className="icon-btn" aria-label={`Rename ${process.name}`} onClick={() => setPrompt({ kind: 'rename', process })}>
                ✎
              </button>
              <button type="button" className="icon-btn" aria-label={`Delete ${process.name}`} onClick={() => remove(process)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="main">
        {engagement.readOnly && (
          <p className="readonly-banner" role="note">
            Read-only: this is a view of {engagement.path}. Save a copy to make changes.
          </p>
        )}
        <ViewTabs />
        <ViewPanel map={<ProcessCanvas />} />
      </main>
      <AnalysisLayer />
      {showHistory && <HistoryDialog onClose={() => setShowHistory(false)} />}
      {showExport && <ExportDialog onClose={() => setShowExport(false)} />}
      {prompt?.kind === 'add' && (
        <PromptDialog
          title="Add process"
          label="Process name"
          confirm="Add process"
          onCancel={() => setPrompt(null)}
          onSubmit={(name) => {
            setPrompt(null);
            void mutate('process.create', { name }).then((result) => result && selectProcess(result.process.id));
          }}
        />
      )}
      {prompt?.kind === 'rename' && (
        <PromptDialog
          title="Rename process"
          label="Process name"
          initial={prompt.process.name}
          confirm="Rename"
          onCancel={() => setPrompt(null)}
          onSubmit={(name) => {
            const id = prompt.process.id;
            setPrompt(null);
            void mutate('process.rename', { id, name });
          }}
        />
      )}
    </div>
  );
}
