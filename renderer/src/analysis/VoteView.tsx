import { useMemo, useRef, useState } from 'react';
import { MAX_DOTS } from '../../../core/vocabulary';
import { rankByVotes, votesByPainPoint } from '../../../core/metrics';
import type { Person } from '../../../core/model';
import { useCommands } from '../commands';
import { useShoshin } from '../store';
import { useAnalysis } from './analysisStore';
import { EmptyNote } from './ui';
import { t } from '../i18n';
import './vote.css';

function Dots({ used, total }: { used: number; total: number }) {
  return (
    <span className="dots" aria-hidden="true">
      {Array.from({ length: total }, (_, i) => (
        <span key={i} className={`dot${i < used ? ' dot-on' : ''}`} />
      ))}
    </span>
  );
}

/**
 * Dot voting on one screen: the facilitator picks a participant (click, or keys 1-9), then gives
 * their dots to pain points (click, Enter or +; take one back with − or Backspace). The ranking
 * stays hidden until it is revealed, so early dots do not steer later ones.
 */
export function VoteView() {
  const engagement = useShoshin((s) => s.engagement);
  const mutate = useShoshin((s) => s.mutate);
  const view = useAnalysis((s) => s.view);
  const sessions = useMemo(() => engagement?.sessions ?? [], [engagement]);
  const people = useMemo(() => engagement?.people ?? [], [engagement]);
  const [chosenSession, setSessionId] = useState('');
  // Until the facilitator picks one: the session with the latest vote, else the latest session.
  const latestVote = view?.voteRounds[view.voteRounds.length - 1]?.sessionId;
  const sessionId = sessions.some((s) => s.id === chosenSession) ? chosenSession : (latestVote ?? sessions[sessions.length - 1]?.id ?? '');
  const [voterIndex, setVoterIndex] = useState(0);
  const [dotsPerPerson, setDotsPerPerson] = useState(3);
  const [processFilter, setProcessFilter] = useState('');
  const rows = useRef<HTMLUListElement>(null);

  const session = sessions.find((s) => s.id === sessionId) ?? null;
  const participants = useMemo(
    () => (session ? session.participantIds.map((id) => people.find((p) => p.id === id)).filter((p): p is Person => !!p) : []),
    [session, people],
  );
  const round = view?.voteRounds.find((r) => r.sessionId === sessionId) ?? null;
  const voter = participants[Math.min(voterIndex, participants.length - 1)] ?? null;
  const sessionVotes = useMemo(() => (view?.votes ?? []).filter((v) => v.sessionId === sessionId), [view, sessionId]);
  const used = (personId: string) => sessionVotes.filter((v) => v.personId === personId).reduce((sum, v) => sum + v.dots, 0);
  const dotsOf = (personId: string, painPointId: string) => sessionVotes.find((v) => v.personId === personId && v.painPointId === painPointId)?.dots ?? 0;
  const candidates = useMemo(() => (view?.register ?? []).filter((r) => !processFilter || r.processId === processFilter), [view, processFilter]);
  const open = !!round && !round.revealed;

  useCommands(
    () =>
      participants.slice(0, 9).map((p, i) => ({
        id: `vote.participant.${i + 1}`,
        title: t('analysis.vote.voteAs', { name: p.name }),
        group: t('analysis.vote.group'),
        shortcut: String(i + 1),
        enabled: () => open,
        run: () => setVoterIndex(i),
      })),
    [participants, open],
  );

  if (!engagement || !view) return <p className="muted analysis-loading">{t('analysis.vote.loading')}</p>;

  const give = (painPointId: string, delta: number) => {
    if (!voter || !round) return;
    const current = dotsOf(voter.id, painPointId);
    const next = current + delta;
    if (next < 0 || (delta > 0 && used(voter.id) >= round.dotsPerPerson)) return;
    void mutate('vote.setDots', { sessionId, personId: voter.id, painPointId, dots: next });
  };

  const ranking = rankByVotes(view.register, votesByPainPoint(view.votes, sessionId)).filter((r) => !processFilter || r.painPoint.processId === processFilter);
  const maxVotes = Math.max(1, ...ranking.map((r) => r.votes));

  return (
    <section className="analysis-view" aria-labelledby="vote-title">
      <header className="analysis-head">
        <h2 id="vote-title">{t('analysis.vote.title')}</h2>
        <label className="field field-inline">
          {t('analysis.vote.session')}
          <select className="input input-sm" value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
            {sessions.length === 0 && <option value="">{t('analysis.vote.noSessions')}</option>}
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.date ? t('analysis.vote.sessionDate', { date: s.date }) : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          {t('analysis.vote.painPointsFrom')}
          <select className="input input-sm" value={processFilter} onChange={(e) => setProcessFilter(e.target.value)}>
            <option value="">{t('analysis.vote.allProcesses')}</option>
            {engagement.processes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        {round && (
          <>
            <button type="button" className="btn btn-sm btn-primary" onClick={() => void mutate('vote.reveal', { sessionId, revealed: !round.revealed })}>
              {round.revealed ? t('analysis.vote.hide') : t('analysis.vote.reveal')}
            </button>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => void mutate('vote.clear', { sessionId })}>
              {t('analysis.vote.clear')}
            </button>
          </>
        )}
      </header>
      {!session ? (
        <EmptyNote title={t('analysis.vote.noSessionTitle')}>{t('analysis.vote.noSessionText')}</EmptyNote>
      ) : participants.length === 0 ? (
        <EmptyNote title={t('analysis.vote.noParticipantsTitle')}>{t('analysis.vote.noParticipantsText')}</EmptyNote>
      ) : view.register.length === 0 ? (
        <EmptyNote title={t('analysis.vote.nothingTitle')}>{t('analysis.vote.nothingText')}</EmptyNote>
      ) : !round ? (
        <form
          className="vote-start card"
          onSubmit={(e) => {
            e.preventDefault();
            void mutate('vote.start', { sessionId, dotsPerPerson });
          }}
        >
          <h3>{t('analysis.vote.startTitle', { session: session.name })}</h3>
          <p className="muted">
            {t('analysis.vote.participants', { count: participants.length, names: participants.map((p) => p.name).join(', ') })}
          </p>
          <label className="field field-inline">
            {t('analysis.vote.dotsPerParticipant')}
            <input
              className="input input-sm input-num"
              type="number"
              min={1}
              max={MAX_DOTS}
              value={dotsPerPerson}
              onChange={(e) => setDotsPerPerson(Math.max(1, Math.min(MAX_DOTS, Math.round(Number(e.target.value) || 1))))}
            />
          </label>
          <button type="submit" className="btn btn-primary">
            {t('analysis.vote.start')}
          </button>
        </form>
      ) : round.revealed ? (
        <div className="ranking" role="region" aria-label={t('analysis.vote.ranking')}>
          <ol className="ranking-list" aria-label={t('analysis.vote.rankingList')}>
            {ranking.map((r) => (
              <li key={r.painPoint.id} className="ranking-item">
                <span className="rank">{r.rank}</span>
                <span className="pain-marker" aria-hidden="true">
                  {r.painPoint.number}
                </span>
                <span className="ranking-text">
                  {r.painPoint.text}
                  <span className="muted">{t('analysis.vote.process', { process: r.painPoint.processName })}</span>
                </span>
                <span className="ranking-bar" aria-hidden="true">
                  <span style={{ width: `${(r.votes / maxVotes) * 100}%` }} />
                </span>
                <span className="ranking-votes">
                  {t(r.votes === 1 ? 'analysis.vote.votes.one' : 'analysis.vote.votes.other', { count: r.votes })}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <div className="vote-board">
          <div className="voters" role="radiogroup" aria-label={t('analysis.vote.voters')}>
            {participants.map((p, i) => {
              const spent = used(p.id);
              return (
                <button
                  key={p.id}
                  type="button"
                  role="radio"
                  aria-checked={voter?.id === p.id}
                  className={`voter${voter?.id === p.id ? ' voter-active' : ''}`}
                  onClick={() => setVoterIndex(i)}
                >
                  {i < 9 && <span className="kbd">{i + 1}</span>}
                  <span className="voter-name">{p.name}</span>
                  <Dots used={spent} total={round.dotsPerPerson} />
                  <span className="visually-hidden">
                    {t('analysis.vote.dotsUsed', { spent, total: round.dotsPerPerson })}
                  </span>
                </button>
              );
            })}
          </div>
          {voter && (
            <p className="vote-hint" aria-live="polite">
              <strong>{voter.name}</strong> {t('analysis.vote.hintLeft', { left: round.dotsPerPerson - used(voter.id), total: round.dotsPerPerson })}{' '}
              <span className="kbd">{t('analysis.vote.hintKey')}</span> {t('analysis.vote.hintBack')}
            </p>
          )}
          <ul className="vote-list" ref={rows} aria-label={t('analysis.vote.listLabel')}>
            {candidates.map((r) => {
              const mine = voter ? dotsOf(voter.id, r.id) : 0;
              return (
                <li key={r.id} className="vote-row">
                  <button
                    type="button"
                    className="vote-target"
                    aria-label={t('analysis.vote.giveLabel', { number: r.number, process: r.processName, text: r.text })}
                    onClick={() => give(r.id, 1)}
                    onKeyDown={(e) => {
                      if (e.key === '+' || e.key === '=') {
                        e.preventDefault();
                        give(r.id, 1);
                      } else if (e.key === '-' || e.key === 'Backspace' || e.key === 'Delete') {
                        e.preventDefault();
                        give(r.id, -1);
                      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                        e.preventDefault();
                        const buttons = [...(rows.current?.querySelectorAll<HTMLButtonElement>('.vote-target') ?? [])];
                        const at = buttons.indexOf(e.currentTarget);
                        buttons[at + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
                      }
                    }}
                  >
                    <span className="pain-marker" aria-hidden="true">
                      {r.number}
                    </span>
                    <span className="vote-text">
                      {r.text}
                      <span className="muted">{t('analysis.vote.process', { process: r.processName })}</span>
                    </span>
                  </button>
                  <span className="vote-mine" aria-label={t(mine === 1 ? 'analysis.vote.mine.one' : 'analysis.vote.mine.other', { count: mine, name: voter?.name ?? '' })}>
                    {Array.from({ length: mine }, (_, i) => (
                      <span key={i} className="dot dot-on" />
                    ))}
                  </span>
                  <button
                    type="button"
                    className="icon-btn"
                    aria-label={t('analysis.vote.takeBackLabel', { number: r.number, process: r.processName })}
                    disabled={mine === 0}
                    onClick={() => give(r.id, -1)}
                  >
                    {t('analysis.vote.takeBack')}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
