import { useState } from 'react';
import type { Need, Observation, Person, Session } from '../../../core/model';
import { call } from '../api';
import { showNotice, useShoshin } from '../store';
import { useAnalysis } from './analysisStore';
import { FOUR_P_LABELS, NEED_LABELS, RESISTANCE_LABELS } from './labels';
import { NeedDialog, ObservationDialog, PersonDialog, SessionDialog } from './PeopleDialogs';
import { downloadText, EmptyNote, ScoreGrid } from './ui';
import { t } from '../i18n';
import './people.css';

type Editing =
  | { kind: 'person'; person?: Person }
  | { kind: 'session'; session?: Session }
  | { kind: 'observation'; observation?: Observation }
  | { kind: 'need'; needKind: Need['kind']; need?: Need }
  | null;


function score(value: number | null) {
  return value ?? <span className="muted">{t('analysis.people.empty')}</span>;
}

function Roles({ person }: { person: Person }) {
  return (
    <>
      {person.sponsor && <span className="tag tag-sponsor">{t('analysis.people.sponsor')}</span>}
      {person.champion && <span className="tag tag-champion">{t('analysis.people.champion')}</span>}
      {person.anonymise && <span className="tag">{t('analysis.people.anonymised')}</span>}
    </>
  );
}

/** Where people stand: influence up, commitment across. High influence and low commitment is where to spend time. */
function InfluenceMap({ people, onOpen }: { people: readonly Person[]; onOpen: (p: Person) => void }) {
  const placed = people.filter((p) => p.influence !== null && p.commitment !== null);
  const unplaced = people.filter((p) => p.influence === null || p.commitment === null);
  return (
    <figure className="matrix-figure people-map" aria-labelledby="people-map-title">
      <figcaption id="people-map-title" className="a-panel-title">
        {t('analysis.people.mapTitle')}
      </figcaption>
      <ScoreGrid
        label={t('analysis.people.mapLabel')}
        yAxis={t('analysis.people.axisInfluence')}
        xAxis={t('analysis.people.axisCommitment')}
        cellLabel={(influence, commitment) => t('analysis.people.cellLabel', { influence, commitment })}
        zone={(influence, commitment) => (influence >= 4 && commitment <= 2 ? 'q-risk' : influence >= 4 && commitment >= 4 ? 'q-quick' : '')}
      >
        {(influence, commitment) =>
          placed
            .filter((p) => p.influence === influence && p.commitment === commitment)
            .map((p) => (
              <button
                key={p.id}
                type="button"
                className={`matrix-chip person-chip${p.sponsor ? ' chip-sponsor' : ''}${p.resistance ? ' chip-resist' : ''}`}
                title={
                  p.resistance
                    ? t('analysis.people.chipTitleResistance', {
                        name: p.role ? t('analysis.people.nameWithRole', { name: p.name, role: p.role }) : p.name,
                        influence,
                        commitment,
                        resistance: RESISTANCE_LABELS[p.resistance],
                      })
                    : t('analysis.people.chipTitle', {
                        name: p.role ? t('analysis.people.nameWithRole', { name: p.name, role: p.role }) : p.name,
                        influence,
                        commitment,
                      })
                }
                onClick={() => onOpen(p)}
              >
                {p.name}
                {p.sponsor && <span aria-label={t('analysis.people.sponsorMark')}> ★</span>}
              </button>
            ))
        }
      </ScoreGrid>
      <div className="matrix-legend">
        <span className="legend-item">
          <span className="legend-swatch q-risk" /> {t('analysis.people.legendRisk')}
        </span>
        <span className="legend-item">
          <span className="legend-swatch q-quick" /> {t('analysis.people.legendLead')}
        </span>
      </div>
      {unplaced.length > 0 && (
        <p className="muted matrix-unplaced">{t('analysis.people.unplaced', { names: unplaced.map((p) => p.name).join(', ') })}</p>
      )}
    </figure>
  );
}

/** The people side: stakeholders, where they stand, sessions, observations, and training and communication needs. */
export function PeopleView() {
  const engagement = useShoshin((s) => s.engagement);
  const view = useAnalysis((s) => s.view);
  const [editing, setEditing] = useState<Editing>(null);
  const [anonymise, setAnonymise] = useState(true);
  if (!engagement || !view) return <p className="muted analysis-loading">{t('analysis.people.loading')}</p>;
  const { people, sessions, processes } = engagement;
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const sessionName = new Map(sessions.map((s) => [s.id, s.name]));
  const processName = new Map(processes.map((p) => [p.id, p.name]));
  const laneName = new Map(view.lanes.map((l) => [l.id, t('analysis.people.laneOfProcess', { process: processName.get(l.processId) ?? '', lane: l.name })]));

  const exportCsv = async () => {
    try {
      const file = await call('export.csv', { register: 'stakeholders', anonymise });
      downloadText(file.fileName, file.csv);
    } catch (error) {
      showNotice(error instanceof Error ? error.message : t('analysis.people.exportFailed'), { error: true });
    }
  };

  const needList = (kind: Need['kind'], title: string) => {
    const needs = view.needs.filter((n) => n.kind === kind);
    return (
      <section className="a-panel" aria-labelledby={`needs-${kind}`}>
        <div className="a-panel-head">
          <h3 id={`needs-${kind}`} className="a-panel-title">
            {title}
          </h3>
          <button type="button" className="btn btn-sm" onClick={() => setEditing({ kind: 'need', needKind: kind })}>
            {t('analysis.people.addNeed', { kind: NEED_LABELS[kind].toLowerCase() })}
          </button>
        </div>
        {needs.length === 0 ? (
          <p className="muted">{t('analysis.people.noneYet')}</p>
        ) : (
          <ul className="note-list">
            {needs.map((n) => (
              <li key={n.id}>
                <button type="button" className="note-item" onClick={() => setEditing({ kind: 'need', needKind: n.kind, need: n })}>
                  <span>{n.text}</span>
                  <span className="note-meta">
                    {[n.personId ? personName.get(n.personId) : null, n.laneId ? laneName.get(n.laneId) : null].filter(Boolean).join(t('analysis.people.metaJoin')) || t('analysis.people.everyone')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  };

  return (
    <section className="analysis-view" aria-labelledby="people-title">
      <header className="analysis-head">
        <h2 id="people-title">{t('analysis.people.title')}</h2>
        <span className="muted">{t('analysis.people.count', { count: people.length })}</span>
        <span className="spacer" />
        <button type="button" className="btn btn-sm btn-primary" onClick={() => setEditing({ kind: 'person' })}>
          {t('analysis.people.addStakeholder')}
        </button>
        <label className="check-inline">
          <input type="checkbox" checked={anonymise} onChange={(e) => setAnonymise(e.target.checked)} />
          {t('analysis.people.anonymise')}
        </label>
        <button type="button" className="btn btn-sm" onClick={() => void exportCsv()}>
          {t('analysis.people.export')}
        </button>
      </header>
      {people.length === 0 ? (
        <EmptyNote title={t('analysis.people.emptyTitle')}>{t('analysis.people.emptyText')}</EmptyNote>
      ) : (
        <div className="people-top">
          <div className="table-wrap">
            <table className="data-table" aria-label={t('analysis.people.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('analysis.people.colName')}</th>
                  <th scope="col">{t('analysis.people.colRole')}</th>
                  <th scope="col" className="num" title={t('analysis.people.colInfluence')}>
                    {t('analysis.people.colInfluenceShort')}
                  </th>
                  <th scope="col" className="num" title={t('analysis.people.colAwareness')}>
                    {t('analysis.people.colAwarenessShort')}
                  </th>
                  <th scope="col" className="num" title={t('analysis.people.colCommitment')}>
                    {t('analysis.people.colCommitmentShort')}
                  </th>
                  <th scope="col" className="num" title={t('analysis.people.colReadiness')}>
                    {t('analysis.people.colReadinessShort')}
                  </th>
                  <th scope="col" className="num" title={t('analysis.people.colReinforcement')}>
                    {t('analysis.people.colReinforcementShort')}
                  </th>
                  <th scope="col">{t('analysis.people.colResistance')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('analysis.people.colActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.name}
                      <div className="tags">
                        <Roles person={p} />
                      </div>
                    </th>
                    <td>
                      {p.role || <span className="muted">{t('analysis.people.empty')}</span>}
                      {p.team && <div className="muted cell-sub">{p.team}</div>}
                    </td>
                    <td className="num">{score(p.influence)}</td>
                    <td className="num">{score(p.awareness)}</td>
                    <td className="num">{score(p.commitment)}</td>
                    <td className="num">{score(p.readiness)}</td>
                    <td className="num">{score(p.reinforcement)}</td>
                    <td>{p.resistance ? RESISTANCE_LABELS[p.resistance] : <span className="muted">{t('analysis.people.empty')}</span>}</td>
                    <td className="col-actions">
                      <button type="button" className="btn btn-sm btn-ghost" aria-label={t('analysis.people.editLabel', { name: p.name })} onClick={() => setEditing({ kind: 'person', person: p })}>
                        {t('analysis.people.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <div className="people-grid">
        {people.length > 0 && <InfluenceMap people={people} onOpen={(person) => setEditing({ kind: 'person', person })} />}
        <section className="a-panel" aria-labelledby="sessions-title">
          <div className="a-panel-head">
            <h3 id="sessions-title" className="a-panel-title">
              {t('analysis.people.sessions')}
            </h3>
            <button type="button" className="btn btn-sm" onClick={() => setEditing({ kind: 'session' })}>
              {t('analysis.people.addSession')}
            </button>
          </div>
          {sessions.length === 0 ? (
            <p className="muted">{t('analysis.people.noSessions')}</p>
          ) : (
            <ul className="note-list">
              {sessions.map((s) => (
                <li key={s.id}>
                  <button type="button" className="note-item" aria-label={t('analysis.people.editSession', { name: s.name })} onClick={() => setEditing({ kind: 'session', session: s })}>
                    <span className="note-title">{s.name}</span>
                    <span className="note-meta">
                      {[s.date, s.facilitator && t('analysis.people.facilitatedBy', { name: s.facilitator })].filter(Boolean).join(t('analysis.people.metaJoin'))}
                    </span>
                    <span className="note-meta">
                      {s.participantIds.length === 0 ? t('analysis.people.noParticipants') : s.participantIds.map((id) => personName.get(id) ?? '').filter(Boolean).join(', ')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="a-panel" aria-labelledby="observations-title">
          <div className="a-panel-head">
            <h3 id="observations-title" className="a-panel-title">
              {t('analysis.people.observations')}
            </h3>
            <button type="button" className="btn btn-sm" onClick={() => setEditing({ kind: 'observation' })}>
              {t('analysis.people.addObservation')}
            </button>
          </div>
          {view.observations.length === 0 ? (
            <p className="muted">{t('analysis.people.noObservations')}</p>
          ) : (
            <ul className="note-list">
              {view.observations.map((o) => (
                <li key={o.id}>
                  <button type="button" className="note-item" onClick={() => setEditing({ kind: 'observation', observation: o })}>
                    <span>{o.text}</span>
                    <span className="note-meta">
                      {o.fourP && <span className="tag">{FOUR_P_LABELS[o.fourP]}</span>}
                      {[o.personId ? personName.get(o.personId) : null, o.sessionId ? sessionName.get(o.sessionId) : null].filter(Boolean).join(t('analysis.people.metaJoin'))}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="people-column">
          {needList('training', t('analysis.people.trainingNeeds'))}
          {needList('communication', t('analysis.people.communicationNeeds'))}
        </div>
      </div>
      {editing?.kind === 'person' && <PersonDialog {...(editing.person ? { person: editing.person } : {})} onClose={() => setEditing(null)} />}
      {editing?.kind === 'session' && <SessionDialog {...(editing.session ? { session: editing.session } : {})} onClose={() => setEditing(null)} />}
      {editing?.kind === 'observation' && (
        <ObservationDialog {...(editing.observation ? { observation: editing.observation } : {})} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'need' && <NeedDialog kind={editing.needKind} {...(editing.need ? { need: editing.need } : {})} onClose={() => setEditing(null)} />}
    </section>
  );
}
