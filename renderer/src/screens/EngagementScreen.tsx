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
import { ImportDialog } from '../import/ImportDialog';
import { EngagementDetailsDialog } from './EngagementDetailsDialog';
import { cancelFocusHold, returnToCanvas } from '../canvas/canvasFocus';
import { useSettingsUi } from '../settings/SettingsHost';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { OverflowBar, type BarItem } from '../ui/OverflowBar';
import { PromptDialog } from '../ui/PromptDialog';
import { SaveStatus } from '../ui/SaveStatus';
import { t, type StringKey } from '../i18n';
import './shell.css';

type Prompt = { kind: 'add' } | { kind: 'rename'; process: ProcessSummary } | { kind: 'delete'; process: ProcessSummary } | null;

/**
 * Read live, not from the render that registered the command: a Redo pressed right after Undo must
 * not be refused because the history had not been refetched yet. While a change is in flight the
 * main process decides (an undo with nothing to undo changes nothing).
 */
function historyAllows(key: 'canUndo' | 'canRedo'): boolean {
  const state = useShoshin.getState();
  return state.save.status === 'saving' || state.history[key];
}

function deleteQuestion(steps: number): StringKey {
  if (steps === 0) return 'shell.engagement.deleteProcessQuestion.none';
  return steps === 1 ? 'shell.engagement.deleteProcessQuestion.one' : 'shell.engagement.deleteProcessQuestion.other';
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
  const [showImport, setShowImport] = useState(false);
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
      { id: 'file.import', title: t('import.command'), group: t('shell.commandList.group.file'), run: () => setShowImport(true) },
      { id: 'file.export', title: t('shell.engagement.exportReport'), group: t('shell.commandList.group.file'), shortcut: 'Mod+Shift+E', whileTyping: true, run: () => setShowExport(true) },
      { id: 'file.exportDiagram', title: t('shell.engagement.exportDiagram'), group: t('shell.commandList.group.file'), run: () => setShowExport(true) },
      { id: 'file.close', title: t('shell.engagement.close'), group: t('shell.commandList.group.file'), shortcut: 'Mod+W', whileTyping: true, run: () => void goHome() },
      { id: 'process.add', title: t('shell.engagement.addProcessCommand'), group: t('shell.commandList.group.file'), run: () => setPrompt({ kind: 'add' }) },
    ],
    [mutate, history, saveCopy, goHome],
  );

  if (!engagement) return null;
  const ordered = [
    ...engagement.processes.filter((p) => p.parentStepId === null),
    ...engagement.processes.filter((p) => p.parentStepId !== null),
  ];

  // What does not fit the top bar (a projector's 1024 pixels) folds into "More", each with its shortcut.
  const topbarItems: BarItem[] = [
    {
      id: 'undo',
      priority: 1,
      bar: (
        <button
          type="button"
          className="btn btn-sm"
          disabled={!history.canUndo}
          title={history.undoLabel ? t('shell.engagement.undoTitle', { label: history.undoLabel }) : t('shell.engagement.nothingToUndo')}
          onClick={() => void mutate('history.undo', {})}
        >
          {t('shell.engagement.undo')}
        </button>
      ),
      menu: [{ id: 'undo', label: history.undoLabel ? t('shell.engagement.undoWhat', { label: history.undoLabel }) : t('shell.engagement.undo'), shortcut: 'Mod+Z', disabled: !history.canUndo, run: () => void mutate('history.undo', {}) }],
    },
    {
      id: 'redo',
      priority: 2,
      bar: (
        <button
          type="button"
          className="btn btn-sm"
          disabled={!history.canRedo}
          title={history.redoLabel ? t('shell.engagement.redoTitle', { label: history.redoLabel }) : t('shell.engagement.nothingToRedo')}
          onClick={() => void mutate('history.redo', {})}
        >
          {t('shell.engagement.redo')}
        </button>
      ),
      menu: [{ id: 'redo', label: history.redoLabel ? t('shell.engagement.redoWhat', { label: history.redoLabel }) : t('shell.engagement.redo'), shortcut: 'Mod+Shift+Z', disabled: !history.canRedo, run: () => void mutate('history.redo', {}) }],
    },
    {
      id: 'snapshots',
      priority: 5,
      bar: (
        <button type="button" className="btn btn-sm" onClick={() => setShowHistory(true)}>
          {t('shell.engagement.snapshots')}
        </button>
      ),
      menu: [{ id: 'snapshots', label: t('shell.engagement.snapshotsCommand'), run: () => setShowHistory(true) }],
    },
    {
      id: 'saveCopy',
      priority: 4,
      bar: (
        <button type="button" className="btn btn-sm" onClick={saveCopy} title={t('shell.engagement.saveCopyTitle')}>
          {t('shell.engagement.saveCopy')}
        </button>
      ),
      menu: [{ id: 'saveCopy', label: t('shell.engagement.saveCopyAs'), shortcut: 'Mod+Shift+S', run: saveCopy }],
    },
    {
      id: 'export',
      priority: 3,
      bar: (
        <button type="button" className="btn btn-sm" onClick={() => setShowExport(true)} title={t('shell.engagement.exportTitle')}>
          {t('shell.engagement.export')}
        </button>
      ),
      menu: [{ id: 'export', label: t('shell.engagement.exportReport'), shortcut: 'Mod+Shift+E', run: () => setShowExport(true) }],
    },
    {
      id: 'settings',
      priority: 6,
      bar: (
        <button type="button" className="btn btn-sm" onClick={() => useSettingsUi.getState().show()} title={t('shell.engagement.settingsTitle')}>
          {t('shell.home.settings')}
        </button>
      ),
      menu: [{ id: 'settings', label: t('shell.home.settings'), run: () => useSettingsUi.getState().show() }],
    },
  ];

  const closePrompt = () => {
    setPrompt(null);
    returnToCanvas();
  };

  return (
    <div className={`shell${presenter ? ' presenter' : ''}`}>
      <header className="topbar">
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => void goHome()}>
          {t('shell.engagement.home')}
        </button>
        <button
          type="button"
          className="topbar-name topbar-details"
          aria-label={t('shell.engagement.details', { name: engagement.engagement.name })}
          title={t('shell.engagement.detailsTitle')}
          onClick={() => setShowDetails(true)}
        >
          <span className="topbar-title">{engagement.engagement.name}</span>
          {engagement.engagement.client && <span className="topbar-client">{engagement.engagement.client}</span>}
        </button>
        <OverflowBar
          className="topbar-tools"
          lead={<CaptureControls />}
          items={presenter ? [] : topbarItems}
          label={t('shell.engagement.more')}
          name={t('shell.engagement.moreName')}
        />
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
              <button
                type="button"
                className="process-open"
                onClick={() => {
                  returnToCanvas((id) => id === process.id);
                  void selectProcess(process.id);
                }}
              >
                {process.name}
                <span className="process-meta">
                  {t('shell.engagement.processMeta', { steps: process.stepCount, lanes: process.laneCount })}
                  {process.painPointCount > 0 ? t('shell.engagement.processPainPoints', { count: process.painPointCount }) : ''}
                  {process.documented ? t('documented.sidebarTag') : ''}
                </span>
              </button>
              <button type="button" className="icon-btn" aria-label={t('shell.engagement.renameProcess', { name: process.name })} onClick={() => setPrompt({ kind: 'rename', process })}>
                ✎
              </button>
              <button type="button" className="icon-btn" aria-label={t('shell.engagement.deleteProcess', { name: process.name })} onClick={() => setPrompt({ kind: 'delete', process })}>
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
      {showHistory && (
        <HistoryDialog
          onClose={() => {
            setShowHistory(false);
            returnToCanvas();
          }}
        />
      )}
      {showExport && (
        <ExportDialog
          onClose={() => {
            setShowExport(false);
            returnToCanvas();
          }}
        />
      )}
      {showDetails && (
        <EngagementDetailsDialog
          onClose={() => {
            setShowDetails(false);
            returnToCanvas();
          }}
        />
      )}
      {showImport && (
        <ImportDialog
          onClose={() => {
            setShowImport(false);
            returnToCanvas();
          }}
        />
      )}
      {prompt?.kind === 'add' && (
        <PromptDialog
          title={t('shell.engagement.addProcess')}
          label={t('shell.engagement.processName')}
          confirm={t('shell.engagement.addProcess')}
          onCancel={closePrompt}
          onSubmit={(name) => {
            setPrompt(null);
            // Keys typed while the process is being made wait for its canvas (the first step, typed at once).
            const shown = processId;
            returnToCanvas((id) => id !== shown);
            void mutate('process.create', { name }).then((result) => {
              if (result) void selectProcess(result.process.id);
              else cancelFocusHold();
            });
          }}
        />
      )}
      {prompt?.kind === 'delete' && (
        <ConfirmDialog
          title={t('shell.engagement.deleteProcessTitle')}
          message={t(deleteQuestion(prompt.process.stepCount), { name: prompt.process.name, count: prompt.process.stepCount })}
          confirm={t('shell.engagement.deleteProcessConfirm')}
          onCancel={closePrompt}
          onConfirm={() => {
            const id = prompt.process.id;
            closePrompt();
            void mutate('process.delete', { id });
          }}
        />
      )}
      {prompt?.kind === 'rename' && (
        <PromptDialog
          title={t('shell.engagement.renameProcessTitle')}
          label={t('shell.engagement.processName')}
          initial={prompt.process.name}
          confirm={t('shell.engagement.rename')}
          onCancel={closePrompt}
          onSubmit={(name) => {
            const id = prompt.process.id;
            closePrompt();
            void mutate('process.update', { id, patch: { name } });
          }}
        />
      )}
    </div>
  );
}
