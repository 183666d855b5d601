import { useEffect, useId, useState } from 'react';
import { useCommands } from '../commands';
import { useMode } from '../mode';
import { useShoshin } from '../store';
import { PromptDialog } from '../ui/PromptDialog';
import { useCurrentSession } from './session';
import { t } from '../i18n';

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
      { id: 'view.presenter', title: t('capture.controls.cmd.presenter'), group: t('capture.controls.group.view'), shortcut: 'F5', whileTyping: true, run: togglePresenter },
      {
        id: 'view.mode',
        title: mode === 'capture' ? t('capture.controls.cmd.toAnalyse') : t('capture.controls.cmd.toCapture'),
        group: t('capture.controls.group.view'),
        shortcut: 'M',
        run: () => setMode(mode === 'capture' ? 'analyse' : 'capture'),
      },
      { id: 'session.new', title: t('capture.controls.cmd.newSession'), group: t('capture.controls.group.capture'), run: () => setNaming(true) },
    ],
    [mode, setMode, togglePresenter],
  );

  if (presenter) {
    return (
      <span className="presenter-keep">
        <button type="button" className="btn btn-sm" onClick={togglePresenter}>
          {t('capture.controls.exitPresenter')} <span className="kbd">F5</span>
        </button>
      </span>
    );
  }

  const current = sessionId && sessions?.some((s) => s.id === sessionId) ? sessionId : '';
  const today = new Date().toISOString().slice(0, 10);

  return (
    <>
      <div className="segmented" role="group" aria-label={t('capture.controls.workMode')}>
        <button type="button" aria-pressed={mode === 'capture'} onClick={() => setMode('capture')} title={t('capture.controls.captureTitle')}>
          {t('capture.controls.capture')}
        </button>
        <button type="button" aria-pressed={mode === 'analyse'} onClick={() => setMode('analyse')} title={t('capture.controls.analyseTitle')}>
          {t('capture.controls.analyse')}
        </button>
      </div>
      <span className="session-picker">
        <label htmlFor={pickerId}>{t('capture.controls.session')}</label>
        <select
          id={pickerId}
          className="input input-sm"
          value={current}
          onChange={(e) => {
            if (e.target.value === NEW_SESSION) setNaming(true);
            else if (engagementId) choose(engagementId, e.target.value || null);
          }}
        >
          <option value="">{t('capture.controls.none')}</option>
          {(sessions ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
          <option value={NEW_SESSION}>{t('capture.controls.newSessionOption')}</option>
        </select>
      </span>
      <button type="button" className="btn btn-sm" onClick={togglePresenter} title={t('capture.controls.presentTitle')}>
        {t('capture.controls.present')}
      </button>
      {naming && (
        <PromptDialog
          title={t('capture.controls.newSessionTitle')}
          label={t('capture.controls.sessionName')}
          initial={t('capture.controls.defaultName', { number: (sessions?.length ?? 0) + 1 })}
          confirm={t('capture.controls.startSession')}
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
