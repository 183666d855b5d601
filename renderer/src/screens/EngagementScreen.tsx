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
import { EngagementDetailsDialog } from './EngagementDetailsDialog';
import { PromptDialog } from '../ui/PromptDialog';
import { SaveStatus } from '../ui/SaveStatus';
import { t } from '../i18n';
import './shell.css';

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
  const [showDetails, setShowDetails] = useState(false);
  const saveCopy = useSaveCopy();

  useCommands(
    () => [
      {
        id: 'history.undo',
        title: history.undoLabel ? t('shell.engagement.undoWhat', { label: history.undoLabel }) : t('shell.engagement.undo'),
        group: t('shell.commandList.group.edit'),
        shortcut: 'Mod+Z',
        run: () => void mutate('history.undo', {}),
        enabled: () => historyAllows('canUndo'),
      },
      {
        id: 'history.redo',
        title: history.redoLabel ? t('shell.engagement.redoWhat', { label: history.redoLabel }) : t('shell.engagement.redo'),
        group: t('shell.commandList.group.edit'),
        shortcut: 'Mod+Shift+Z',
        run: () => void mutate('history.redo', {}),
        enabled: () => historyAllows('canRedo'),
      },
      { id: 'history.redoAlt', title: t('shell.engagement.redo'), group: t('shell.commandList.group.edit'), shortcut: 'Mod+Y', run: () => void mutate('history.redo', {}), enabled: () => historyAllows('canRedo') },
      { id: 'file.saveCopy', title: t('shell.engagement.saveCopyAs'), group: t('shell.commandList.group.file'), shortcut: 'Mod+Shift+S', whileTyping: true, run: saveCopy },
      { id: 'file.snapshots', title: t('shell.engagement.snapshotsCommand'), group: t('shell.commandList.group.file'), run: () => setShowHistory(true) },
      { id: 'engagement.details', title: t('shell.engagement.detailsCommand'), group: t('shell.commandList.group.file'), run: () => setShowDetails(true) },
      { id: 'file.export', title: t('shell.engagement.exportReport'), group: t('shell.commandList.group.file'), shortcut: 'Mod+Shift+E', whileTyping: true, run: () => setShowExport(true) },
      { id: 'file.exportDiagram', title: t('shell.engagement.exportDiagram'), group: t('shell.commandList.group.file'), run: () => setShowExport(true) },
      { id: 'file.close', title: t('shell.engagement.close'), group: t('shell.commandList.group.file'), shortcut: 'Mod+W', whileTyping: true, run: () => void goHome() },
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
          {t('shell.engagement.home')}
        </button>
        <button
          type="button"
          className="topbar-details"
          aria-label={t('shell.engagement.details', { name: engagement.engagement.name })}
          title={t('shell.engagement.detailsTitle')}
          onClick={() => setShowDetails(true)}
        >
          <span className="topbar-title">{engagement.engagement.name}</span>
          {engagement.engagement.client && <span className="topbar-client">{engagement.engagement.client}</span>}
        </button>
        <span className="spacer" />
        <CaptureControls />
        <button
          type="button"
          className="btn btn-sm"
          disabled={!history.canUndo}
          title={history.undoLabel ? t('shell.engagement.undoTitle', { label: history.undoLabel }) : t('shell.engagement.nothingToUndo')}
          onClick={() => void mutate('history.undo', {})}
        >
          {t('shell.engagement.undo')}
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!history.canRedo}
          title={history.redoLabel ? t('shell.engagement.redoTitle', { label: history.redoLabel }) : t('shell.engagement.nothingToRedo')}
          onClick={() => void mutate('history.redo', {})}
        >
          {t('shell.engagement.redo')}
        </button>
        <button type="button" className="btn btn-sm" onClick={() => setShowHistory(true)}>
          {t('shell.engagement.snapshots')}
        </button>
        <button type="button" className="btn btn-sm" onClick={saveCopy} title={t('shell.engagement.saveCopyTitle')}>
          {t('shell.engagement.saveCopy')}
        </button>
        <button type="button" className="btn btn-sm" onClick={() => setShowExport(true)} title={t('shell.engagement.exportTitle')}>
          {t('shell.engagement.export')}
        </button>
        <SaveStatus />
      </header>
      <nav className="sidebar" aria-label={t('shell.engagement.processes')}>
        <div className="sidebar-head">
          <h2>{t('shell.engagement.processes')}</h2>
          <button type="button" className="btn btn-sm" onClick={() => setPrompt({ kind: 'add' })}>
            {t('shell.engagement.addProcess')}
          </button>
        </div>
        <ul className="process-list">
          {ordered.map((process) => (
            <li key={process.id} className={`process-item${process.parentStepId ? ' child' : ''}`} aria-current={process.id === processId}>
              <button type="button" className="process-open" onClick={() => void selectProcess(process.id)}>
                {process.name}
                <span className="process-meta">
                  {t('shell.engagement.processMeta', { steps: process.stepCount, lanes: process.laneCount })}
                  {process.painPointCount > 0 ? t('shell.engagement.processPainPoints', { count: process.painPointCount }) : ''}
                </span>
              </button>
              <button type="button" className="icon-btn" aria-label={t('shell.engagement.renameProcess', { name: process.name })} onClick={() => setPrompt({ kind: 'rename', process })}>
                ✎
              </button>
              <button type="button" className="icon-btn" aria-label={t('shell.engagement.deleteProcess', { name: process.name })} onClick={() => remove(process)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="main">
        {engagement.readOnly && (
          <p className="readonly-banner" role="note">
            {t('shell.engagement.readOnlyBanner', { path: engagement.path })}
          </p>
        )}
        <ViewTabs />
        <ViewPanel map={<ProcessCanvas />} />
      </main>
      <AnalysisLayer />
      {showHistory && <HistoryDialog onClose={() => setShowHistory(false)} />}
      {showExport && <ExportDialog onClose={() => setShowExport(false)} />}
      {showDetails && <EngagementDetailsDialog onClose={() => setShowDetails(false)} />}
      {prompt?.kind === 'add' && (
        <PromptDialog
          title={t('shell.engagement.addProcess')}
          label={t('shell.engagement.processName')}
          confirm={t('shell.engagement.addProcess')}
          onCancel={() => setPrompt(null)}
          onSubmit={(name) => {
            setPrompt(null);
            void mutate('process.create', { name }).then((result) => result && selectProcess(result.process.id));
          }}
        />
      )}
      {prompt?.kind === 'rename' && (
        <PromptDialog
          title={t('shell.engagement.renameProcessTitle')}
          label={t('shell.engagement.processName')}
          initial={prompt.process.name}
          confirm={t('shell.engagement.rename')}
          onCancel={() => setPrompt(null)}
          onSubmit={(name) => {
            const id = prompt.process.id;
            setPrompt(null);
            void mutate('process.update', { id, patch: { name } });
          }}
        />
      )}
    </div>
  );
}
