import { useEffect, useId, useState } from 'react';
import { useCommands } from '../commands';
import { useMode } from '../mode';
import { useShoshin } from '../store';
import { PromptDialog } from '../ui/PromptDialog';
import { useCurrentSession } from './session';

const NEW_SESSION = '__new__';

/**
 * Top-bar controls for how the consultant is working: Capture (beginner's mind) or Analyse,
 * which workshop is being captured, and the presenter view for the projector.
 */
export function CaptureControls() {
  const mode = useMode((s) => s.mode);
  const presenter = useMode((s) => s.presenter);
  const setMode = useMode((s) => s.setMode);
  const togglePresenter = useMode((s) => s.togglePresenter);
  const engagementId = useShoshin((s) => s.engagement?.engagement.id ?? null);
  const sessions = useShoshin((s) => s.engagement?.sessions);
  const mutate = useShoshin((s) => s.mutate);
  const sessionId = useCurrentSession((s) => s.sessionId);
  const choose = useCurrentSession((s) => s.choose);
  const restore = useCurrentSession((s) => s.restore);
  const [naming, setNaming] = useState(false);
  const pickerId = useId();

  useEffect(() => {
    if (engagementId) restore(engagementId);
  }, [engagementId, restore]);

  useCommands(
    () => [
      // Works while typing too: F5 must never reload the page in the middle of a workshop.
      { id: 'view.presenter', title: 'Presenter view on or off', group: 'View', shortcut: 'F5', whileTyping: true, run: togglePresenter },
      {
        id: 'view.mode',
        title: mode === 'capture' ? 'Switch to Analyse mode' : 'Switch to Capture mode',
        group: 'View',
        shortcut: 'M',
        run: () => setMode(mode === 'capture' ? 'analyse' : 'capture'),
      },
      { id: 'session.new', title: 'New workshop session…', group: 'Capture', run: () => setNaming(true) },
    ],
    [mode, setMode, togglePresenter],
  );

  if (presenter) {
    return (
      <span className="presenter-keep">
        <button type="button" className="btn btn-sm" onClick={togglePresenter}>
          Exit presenter <span className="kbd">F5</span>
        </button>
      </span>
    );
  }

  const current = sessionId && sessions?.some((s) => s.id === sessionId) ? sessionId : '';
  const today = new Date().toISOString().slice(0, 10);

  return (
    <>
      <div className="segmented" role="group" aria-label="Work mode">
        <button type="button" aria-pressed={mode === 'capture'} onClick={() => setMode('capture')} title="Beginner’s mind: record what happens, no judgement (M)">
          Capture
        </button>
        <button type="button" aria-pressed={mode === 'analyse'} onClick={() => setMode('analyse')} title="Show classification and value fields (M)">
          Analyse
        </button>
      </div>
      <span className="session-picker">
        <label htmlFor={pickerId}>Session</label>
        <select
          id={pickerId}
          className="input input-sm"
          value={current}
          onChange={(e) => {
            if (e.target.value === NEW_SESSION) setNaming(true);
            else if (engagementId) choose(engagementId, e.target.value || null);
          }}
        >
          <option value="">None</option>
          {(sessions ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
          <option value={NEW_SESSION}>New session…</option>
        </select>
      </span>
      <button type="button" className="btn btn-sm" onClick={togglePresenter} title="Large type, high contrast, panels hidden (F5)">
        Present
      </button>
      {naming && (
        <PromptDialog
          title="New workshop session"
          label="Session name"
          initial={`Workshop ${(sessions?.length ?? 0) + 1}`}
          confirm="Start session"
          onCancel={() => setNaming(false)}
          onSubmit={(name) => {
            setNaming(false);
            void mutate('session.create', { name, date: today }).then((result) => {
              if (result && engagementId) choose(engagementId, result.session.id);
            });
          }}
        />
      )}
    </>
  );
}
