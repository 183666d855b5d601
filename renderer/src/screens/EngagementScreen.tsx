import { useState } from 'react';
import type { ProcessSummary } from '../../../core/model';
import { ProcessCanvas } from '../canvas/ProcessCanvas';
import { useCommands } from '../commands';
import { useShoshin } from '../store';
import { PromptDialog } from '../ui/PromptDialog';
import { SaveStatus } from '../ui/SaveStatus';

type Prompt = { kind: 'add' } | { kind: 'rename'; process: ProcessSummary } | null;

export function EngagementScreen() {
  const engagement = useShoshin((s) => s.engagement);
  const processId = useShoshin((s) => s.processId);
  const history = useShoshin((s) => s.history);
  const selectProcess = useShoshin((s) => s.selectProcess);
  const mutate = useShoshin((s) => s.mutate);
  const goHome = useShoshin((s) => s.goHome);
  const [prompt, setPrompt] = useState<Prompt>(null);

  useCommands(
    () => [
      { id: 'history.undo', title: 'Undo', group: 'Edit', shortcut: 'Mod+Z', run: () => void mutate('history.undo', {}), enabled: () => history.canUndo },
      { id: 'history.redo', title: 'Redo', group: 'Edit', shortcut: 'Mod+Shift+Z', run: () => void mutate('history.redo', {}), enabled: () => history.canRedo },
      { id: 'history.redoAlt', title: 'Redo', group: 'Edit', shortcut: 'Mod+Y', run: () => void mutate('history.redo', {}), enabled: () => history.canRedo },
    ],
    [mutate, history],
  );

  if (!engagement) return null;
  const ordered = [
    ...engagement.processes.filter((p) => p.parentStepId === null),
    ...engagement.processes.filter((p) => p.parentStepId !== null),
  ];

  const remove = (process: ProcessSummary) => void mutate('process.delete', { id: process.id });

  return (
    <div className="shell">
      <header className="topbar">
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => void goHome()}>
          ← Home
        </button>
        <span className="topbar-title">{engagement.engagement.name}</span>
        {engagement.engagement.client && <span className="topbar-client">{engagement.engagement.client}</span>}
        <span className="spacer" />
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
        <ProcessCanvas />
      </main>
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
