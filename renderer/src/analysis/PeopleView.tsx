import { useState } from 'react';
import type { Need, Observation, Person, Session } from '../../../core/model';
import { call } from '../api';
import { useShoshin } from '../store';
import { useAnalysis } from './analysisStore';
import { FOUR_P_LABELS, RESISTANCE_LABELS } from './labels';
import { NeedDialog, ObservationDialog, PersonDialog, SessionDialog } from './PeopleDialogs';
import { downloadText, EmptyNote } from './ui';

type Editing =
  | { kind: 'person'; person?: Person }
  | { kind: 'session'; session?: Session }
  | { kind: 'observation'; observation?: Observation }
  | { kind: 'need'; needKind: Need['kind']; need?: Need }
  | null;

const SCALE = [1, 2, 3, 4, 5] as const;

function score(value: number | null) {
  return value ?? <span className="muted">—</span>;
}

function Roles({ person }: { person: Person }) {
  return (
    <>
      {person.sponsor && <span className="tag tag-sponsor">Sponsor</span>}
      {person.champion && <span className="tag tag-champion">Champion</span>}
      {person.anonymise && <span className="tag">Anonymised</span>}
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
        Influence by commitment
      </figcaption>
      <div className="matrix" role="table" aria-label="Influence by commitment map">
        <div className="matrix-axis-y" aria-hidden="true">
          Influence →
        </div>
        <div className="matrix-grid" role="rowgroup">
          {[...SCALE].reverse().map((influence) => (
            <div key={influence} className="matrix-row" role="row">
              <div className="matrix-tick" role="rowheader">
                {influence}
              </div>
              {SCALE.map((commitment) => {
                const zone = influence >= 4 && commitment <= 2 ? 'q-risk' : influence >= 4 && commitment >= 4 ? 'q-quick' : '';
                return (
                  <div key={commitment} className={`matrix-cell ${zone}`} role="cell" aria-label={`Influence ${influence}, commitment ${commitment}`}>
                    {placed
                      .filter((p) => p.influence === influence && p.commitment === commitment)
                      .map((p) => (
                        <button
                          key={p.id}
                          type="button"
                          className={`matrix-chip person-chip${p.sponsor ? ' chip-sponsor' : ''}${p.resistance ? ' chip-resist' : ''}`}
                          title={`${p.name}${p.role ? `, ${p.role}` : ''}: influence ${influence}, commitment ${commitment}${p.resistance ? `; resistance: ${RESISTANCE_LABELS[p.resistance]}` : ''}`}
                          onClick={() => onOpen(p)}
                        >
                          {p.name}
                          {p.sponsor && <span aria-label="sponsor"> ★</span>}
                        </button>
                      ))}
                  </div>
                );
              })}
            </div>
          ))}
          <div className="matrix-row matrix-foot" role="row">
            <div className="matrix-tick" role="rowheader" />
            {SCALE.map((c) => (
              <div key={c} className="matrix-tick" role="columnheader">
                {c}
              </div>
            ))}
          </div>
        </div>
        <div className="matrix-axis-x" aria-hidden="true">
          Commitment →
        </div>
      </div>
      <div className="matrix-legend">
        <span className="legend-item">
          <span className="legend-swatch q-risk" /> High influence, low commitment: engage first
        </span>
        <span className="legend-item">
          <span className="legend-swatch q-quick" /> High influence, committed: ask them to lead
        </span>
      </div>
      {unplaced.length > 0 && <p className="muted matrix-unplaced">Not on the map until influence and commitment are set: {unplaced.map((p) => p.name).join(', ')}.</p>}
    </figure>
  );
}

/** The people side: stakeholders, where they stand, sessions, observations, and training and communication needs. */
export function PeopleView() {
  const engagement = useShoshin((s) => s.engagement);
  const view = useAnalysis((s) => s.view);
  const [editing, setEditing] = useState<Editing>(null);
  const [anonymise, setAnonymise] = useState(true);
  if (!engagement || !view) return <p className="muted analysis-loading">Loading people…</p>;
  const { people, sessions, processes } = engagement;
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const sessionName = new Map(sessions.map((s) => [s.id, s.name]));
  const processName = new Map(processes.map((p) => [p.id, p.name]));
  const laneName = new Map(view.lanes.map((l) => [l.id, `${processName.get(l.processId) ?? ''} · ${l.name}`]));

  const exportCsv = async () => {
    try {
      const file = await call('export.csv', { register: 'stakeholders', anonymise });
      downloadText(file.fileName, file.csv);
    } catch (error) {
      useShoshin.setState({ notice: error instanceof Error ? error.message : 'The export failed.' });
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
            Add {kind} need
          </button>
        </div>
        {needs.length === 0 ? (
          <p className="muted">None recorded yet.</p>
        ) : (
          <ul className="note-list">
            {needs.map((n) => (
              <li key={n.id}>
                <button type="button" className="note-item" onClick={() => setEditing({ kind: 'need', needKind: n.kind, need: n })}>
                  <span>{n.text}</span>
                  <span className="note-meta">
                    {[n.personId ? personName.get(n.personId) : null, n.laneId ? laneName.get(n.laneId) : null].filter(Boolean).join(' · ') || 'Everyone'}
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
        <h2 id="people-title">People</h2>
        <span className="muted">{people.length} stakeholders</span>
        <span className="spacer" />
        <button type="button" className="btn btn-sm btn-primary" onClick={() => setEditing({ kind: 'person' })}>
          Add stakeholder
        </button>
        <label className="check-inline">
          <input type="checkbox" checked={anonymise} onChange={(e) => setAnonymise(e.target.checked)} />
          Anonymise names
        </label>
        <button type="button" className="btn btn-sm" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </header>
      {people.length === 0 ? (
        <EmptyNote title="No stakeholders yet">List the people you will meet: their role, influence, and how ready they are for change.</EmptyNote>
      ) : (
        <div className="people-top">
          <div className="table-wrap">
            <table className="data-table" aria-label="Stakeholder register">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role and team</th>
                  <th scope="col" className="num" title="Influence">
                    Infl.
                  </th>
                  <th scope="col" className="num" title="Awareness">
                    Aw.
                  </th>
                  <th scope="col" className="num" title="Commitment">
                    Com.
                  </th>
                  <th scope="col" className="num" title="Readiness">
                    Rdy.
                  </th>
                  <th scope="col" className="num" title="Reinforcement">
                    Rnf.
                  </th>
                  <th scope="col">Resistance</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
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
                      {p.role || <span className="muted">—</span>}
                      {p.team && <div className="muted cell-sub">{p.team}</div>}
                    </td>
                    <td className="num">{score(p.influence)}</td>
                    <td className="num">{score(p.awareness)}</td>
                    <td className="num">{score(p.commitment)}</td>
                    <td className="num">{score(p.readiness)}</td>
                    <td className="num">{score(p.reinforcement)}</td>
                    <td>{p.resistance ? RESISTANCE_LABELS[p.resistance] : <span className="muted">—</span>}</td>
                    <td className="col-actions">
                      <button type="button" className="btn btn-sm btn-ghost" aria-label={`Edit ${p.name}`} onClick={() => setEditing({ kind: 'person', person: p })}>
                        Edit
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
              Sessions
            </h3>
            <button type="button" className="btn btn-sm" onClick={() => setEditing({ kind: 'session' })}>
              Add session
            </button>
          </div>
          {sessions.length === 0 ? (
            <p className="muted">No workshops planned yet.</p>
          ) : (
            <ul className="note-list">
              {sessions.map((s) => (
                <li key={s.id}>
                  <button type="button" className="note-item" aria-label={`Edit session ${s.name}`} onClick={() => setEditing({ kind: 'session', session: s })}>
                    <span className="note-title">{s.name}</span>
                    <span className="note-meta">
                      {[s.date, s.facilitator && `facilitated by ${s.facilitator}`].filter(Boolean).join(' · ')}
                    </span>
                    <span className="note-meta">
                      {s.participantIds.length === 0 ? 'No participants yet' : s.participantIds.map((id) => personName.get(id) ?? '').filter(Boolean).join(', ')}
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
              Observations
            </h3>
            <button type="button" className="btn btn-sm" onClick={() => setEditing({ kind: 'observation' })}>
              Add observation
            </button>
          </div>
          {view.observations.length === 0 ? (
            <p className="muted">Notes on culture and people, not tied to a step, go here.</p>
          ) : (
            <ul className="note-list">
              {view.observations.map((o) => (
                <li key={o.id}>
                  <button type="button" className="note-item" onClick={() => setEditing({ kind: 'observation', observation: o })}>
                    <span>{o.text}</span>
                    <span className="note-meta">
                      {o.fourP && <span className="tag">{FOUR_P_LABELS[o.fourP]}</span>}
                      {[o.personId ? personName.get(o.personId) : null, o.sessionId ? sessionName.get(o.sessionId) : null].filter(Boolean).join(' · ')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="people-column">
          {needList('training', 'Training needs')}
          {needList('communication', 'Communication needs')}
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
