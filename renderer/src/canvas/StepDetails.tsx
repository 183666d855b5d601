import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { MethodInput } from '../../../core/contract';
import type { Person, ProcessView, Session, Step } from '../../../core/model';
import { formatDuration, parseDuration, type DurationBasis } from '../../../core/duration';
import { STEP_KINDS, VALUE_CLASSES, type StepKind } from '../../../core/vocabulary';
import { useCurrentSession } from '../capture/session';
import type { WorkMode } from '../mode';
import { useShoshin } from '../store';
import { durationMessage } from '../grid/gridModel';
import { kindLabel } from './nodes';
import './stepDetails.css';
import { t, type StringKey } from '../i18n';

const KIND_NAMES: Record<StepKind, StringKey> = {
  activity: 'capture.stepDetails.kind.activity',
  decision: 'capture.stepDetails.kind.decision',
  start: 'capture.stepDetails.kind.start',
  end: 'capture.stepDetails.kind.end',
  wait: 'capture.stepDetails.kind.wait',
  subprocess: 'capture.stepDetails.kind.subprocess',
};
const VALUE_NAMES = {
  value_adding: 'capture.stepDetails.value.value_adding',
  necessary: 'capture.stepDetails.value.necessary',
  waste: 'capture.stepDetails.value.waste',
} as const;

/** Local text that follows the saved value until the user edits it; committed on blur (and Enter for one line). */
function useDraft(value: string): [string, (text: string) => void] {
  const [local, setLocal] = useState({ source: value, text: value });
  if (local.source !== value) {
    setLocal({ source: value, text: value });
    return [value, (text) => setLocal({ source: value, text })];
  }
  return [local.text, (text) => setLocal({ source: value, text })];
}

function TextField({ label, value, onCommit, multiline = false }: { label: string; value: string; onCommit: (text: string) => void; multiline?: boolean }) {
  const [text, setText] = useDraft(value);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && text !== value) {
      // Taken back, not passed on: the same Escape does not also close the panel.
      event.preventDefault();
      setText(value);
    }
  };
  return (
    <label className="field">
      {label}
      {multiline ? (
        <textarea className="input textarea" rows={3} value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={onKeyDown} />
      ) : (
        <input className="input input-sm" value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={onKeyDown} />
      )}
    </label>
  );
}

/**
 * A step's work or wait time, typed as people say it ("45", "1h 30m", "2 days"), read by the same
 * parser as the table. Text that does not read stays in the field, marked invalid with the reason;
 * it is never swapped for the old value, and nothing is saved until it reads.
 */
function MinutesField({ label, hint, basis, value, onCommit }: { label: string; hint: string; basis: DurationBasis; value: number | null; onCommit: (n: number | null) => void }) {
  const shown = formatDuration(value, basis);
  const [text, setText] = useDraft(shown);
  const [refused, setRefused] = useState<{ text: string; message: string } | null>(null);
  const invalid = refused && refused.text === text ? refused.message : null;
  const hintId = useId();
  const errorId = useId();
  const commit = () => {
    if (text === shown) return;
    const parsed = parseDuration(text, basis);
    if (!parsed.ok) {
      setRefused({ text, message: durationMessage(parsed.error, text, parsed.unit) });
      return;
    }
    if (parsed.minutes === value) setText(shown);
    else onCommit(parsed.minutes);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && text !== shown) {
      event.preventDefault();
      setText(shown);
    }
  };
  return (
    <div className="time-field">
      <label className="field">
        {label}
        <input
          className="input input-sm"
          value={text}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
      </label>
      {invalid && (
        <span id={errorId} className="field-error" role="alert">
          {invalid}
        </span>
      )}
      <span id={hintId} className="field-hint">
        {hint}
      </span>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function Quotes({ view, step, people }: { view: ProcessView; step: Step; people: readonly Person[] }) {
  const mutate = useShoshin((s) => s.mutate);
  const sessionId = useCurrentSession((s) => s.sessionId);
  const sessions = useShoshin((s) => s.engagement?.sessions);
  const [text, setText] = useState('');
  const [personId, setPersonId] = useState('');
  const quotes = view.quotes.filter((q) => q.stepId === step.id);
  const name = new Map(people.map((p) => [p.id, p.name]));
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    const session = sessionId && sessions?.some((s) => s.id === sessionId) ? sessionId : null;
    void mutate('quote.add', { processId: view.process.id, stepId: step.id, text: text.trim(), personId: personId || null, sessionId: session });
    setText('');
  };
  return (
    <Section title={t('capture.stepDetails.quotes', { count: quotes.length })}>
      {quotes.length > 0 && (
        <ul className="panel-list">
          {quotes.map((q) => (
            <li key={q.id} className="quote">
              <blockquote>“{q.text}”</blockquote>
              <div className="panel-row">
                <cite>— {q.personId ? (name.get(q.personId) ?? t('capture.stepDetails.unknown')) : t('capture.stepDetails.anonymous')}</cite>
                <button type="button" className="btn btn-ghost btn-xs" aria-label={t('capture.stepDetails.deleteQuote', { text: q.text.slice(0, 40) })} onClick={() => void mutate('quote.delete', { id: q.id })}>
                  {t('capture.stepDetails.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="stack-sm" onSubmit={add}>
        <label className="field">
          {t('capture.stepDetails.exactWords')}
          <textarea className="input textarea" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <div className="panel-row">
          <label className="field grow">
            {t('capture.stepDetails.speaker')}
            <select className="input input-sm" value={personId} onChange={(e) => setPersonId(e.target.value)}>
              <option value="">{t('capture.stepDetails.anonymous')}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.role ? ` (${p.role})` : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn btn-sm" disabled={!text.trim()}>
            {t('capture.stepDetails.addQuote')}
          </button>
        </div>
      </form>
    </Section>
  );
}

function Questions({ view, step }: { view: ProcessView; step: Step }) {
  const mutate = useShoshin((s) => s.mutate);
  const [text, setText] = useState('');
  const questions = view.questions.filter((q) => q.stepId === step.id);
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    void mutate('question.add', { processId: view.process.id, stepId: step.id, text: text.trim() });
    setText('');
  };
  return (
    <Section title={t('capture.stepDetails.openQuestions', { count: questions.filter((q) => q.status === 'open').length })}>
      {questions.length > 0 && (
        <ul className="panel-list">
          {questions.map((q) => (
            <li key={q.id} className={`question question-${q.status}`}>
              <p>{q.text}</p>
              {q.status === 'answered' && (
                <TextField label={t('capture.stepDetails.answer')} value={q.answer} onCommit={(answer) => void mutate('question.update', { id: q.id, patch: { answer } })} />
              )}
              <div className="panel-row">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={q.status === 'answered'}
                    onChange={(e) => void mutate('question.update', { id: q.id, patch: { status: e.target.checked ? 'answered' : 'open' } })}
                  />
                  {t('capture.stepDetails.answered')}
                </label>
                <button type="button" className="btn btn-ghost btn-xs" aria-label={t('capture.stepDetails.deleteQuestion', { text: q.text.slice(0, 40) })} onClick={() => void mutate('question.delete', { id: q.id })}>
                  {t('capture.stepDetails.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="panel-row" onSubmit={add}>
        <input className="input input-sm grow" aria-label={t('capture.stepDetails.newQuestion')} placeholder={t('capture.stepDetails.questionPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="btn btn-sm" disabled={!text.trim()}>
          {t('capture.stepDetails.add')}
        </button>
      </form>
    </Section>
  );
}

interface StepDetailsProps {
  view: ProcessView;
  step: Step;
  mode: WorkMode;
  people: readonly Person[];
  sessions: readonly Session[];
  onOpenSubprocess: (id: string) => void;
}

/** Everything recorded about one step. Judgement (value class) only shows in Analyse mode: beginner's mind while capturing. */
export function StepDetails({ view, step, mode, people, sessions, onOpenSubprocess }: StepDetailsProps) {
  const mutate = useShoshin((s) => s.mutate);
  const update = (patch: MethodInput<'step.update'>['patch']) => void mutate('step.update', { id: step.id, patch });
  const lanes = [...view.lanes].sort((a, b) => a.position - b.position);
  const headingId = useId();
  return (
    <section className="step-details" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        <span className="panel-kicker">{kindLabel(step.kind)}</span>
        {step.text || t('capture.stepDetails.untitled')}
      </h2>
      <TextField label={t('capture.stepDetails.text')} value={step.text} onCommit={(text) => update({ text })} />
      <div className="panel-grid">
        <label className="field">
          {t('capture.stepDetails.kind')}
          <select className="input input-sm" data-details-first value={step.kind} onChange={(e) => update({ kind: e.target.value as StepKind })}>
            {STEP_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_NAMES[k])}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('capture.stepDetails.lane')}
          <select className="input input-sm" value={step.laneId ?? ''} onChange={(e) => update({ laneId: e.target.value || null })}>
            {lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
            <option value="">{t('capture.stepDetails.noLane')}</option>
          </select>
        </label>
      </div>
      {step.kind === 'subprocess' && (
        <button type="button" className="btn btn-sm" onClick={() => onOpenSubprocess(step.id)}>
          {t('capture.stepDetails.openSubprocess')}
        </button>
      )}
      <TextField label={t('capture.stepDetails.description')} value={step.description} multiline onCommit={(description) => update({ description })} />
      <TextField label={t('capture.stepDetails.system')} value={step.system} onCommit={(system) => update({ system })} />
      <div className="panel-grid">
        <MinutesField label={t('capture.stepDetails.workTime')} hint={t('capture.stepDetails.workHint')} basis="work" value={step.workMinutes} onCommit={(workMinutes) => update({ workMinutes })} />
        <MinutesField label={t('capture.stepDetails.waitTime')} hint={t('capture.stepDetails.waitHint')} basis="wait" value={step.waitMinutes} onCommit={(waitMinutes) => update({ waitMinutes })} />
      </div>
      <TextField label={t('capture.stepDetails.volume')} value={step.volume} onCommit={(volume) => update({ volume })} />
      {mode === 'analyse' && (
        <label className="field">
          {t('capture.stepDetails.valueClass')}
          <select
            className="input input-sm"
            value={step.valueClass ?? ''}
            onChange={(e) => update({ valueClass: (e.target.value || null) as Step['valueClass'] })}
          >
            <option value="">{t('capture.stepDetails.notClassified')}</option>
            {VALUE_CLASSES.map((v) => (
              <option key={v} value={v}>
                {t(VALUE_NAMES[v])}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        {t('capture.stepDetails.session')}
        <select className="input input-sm" value={step.sessionId ?? ''} onChange={(e) => update({ sessionId: e.target.value || null })}>
          <option value="">{t('capture.stepDetails.notRecorded')}</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.date ? ` · ${s.date}` : ''}
            </option>
          ))}
        </select>
      </label>
      <Questions view={view} step={step} />
      <Quotes view={view} step={step} people={people} />
    </section>
  );
}

const PROMPTS: readonly StringKey[] = [
  'capture.stepDetails.prompt.next',
  'capture.stepDetails.prompt.who',
  'capture.stepDetails.prompt.starts',
  'capture.stepDetails.prompt.use',
  'capture.stepDetails.prompt.wait',
  'capture.stepDetails.prompt.wrong',
];

/** Beginner's mind: neutral "show me" questions to keep people describing, not judging. */
export function ShowMePrompts() {
  const id = useId();
  return (
    <section className="show-me" aria-labelledby={id}>
      <h2 id={id}>{t('capture.stepDetails.showMe')}</h2>
      <ul>
        {PROMPTS.map((p) => (
          <li key={p}>{t(p)}</li>
        ))}
      </ul>
      <p className="muted">
        {t('capture.stepDetails.notSure')} <span className="kbd">Q</span> {t('capture.stepDetails.toNote')}
      </p>
    </section>
  );
}
