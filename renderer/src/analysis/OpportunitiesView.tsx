import { useState } from 'react';
import type { Opportunity } from '../../../core/model';
import { useAnalysis } from './analysisStore';
import { HORIZON_LABELS } from './labels';
import { OpportunityDialog } from './OpportunityDialog';
import { EmptyNote } from './ui';

type Editing = { kind: 'new' } | { kind: 'edit'; opportunity: Opportunity } | null;

const SCALE = [1, 2, 3, 4, 5] as const;

/** Which corner of the matrix a cell sits in; the middle row and column belong to none. */
function quadrant(impact: number, effort: number): string {
  if (impact >= 4 && effort <= 2) return 'quick';
  if (impact >= 4 && effort >= 4) return 'major';
  if (impact <= 2 && effort <= 2) return 'fill';
  if (impact <= 2 && effort >= 4) return 'thankless';
  return 'middle';
}

/** Opportunities: the list, and where each sits on impact against effort. */
export function OpportunitiesView() {
  const view = useAnalysis((s) => s.view);
  const [editing, setEditing] = useState<Editing>(null);
  if (!view) return <p className="muted analysis-loading">Loading opportunities…</p>;
  const byId = new Map(view.register.map((r) => [r.id, r]));
  const placed = view.opportunities.filter((o) => o.impact !== null && o.effort !== null);
  const unplaced = view.opportunities.filter((o) => o.impact === null || o.effort === null);
  /** Pain points grouped by process, as the markers people saw on the map: "Password reset 1 2 6". */
  const painList = (o: Opportunity) => {
    const groups = new Map<string, number[]>();
    for (const id of o.painPointIds) {
      const r = byId.get(id);
      if (r) groups.set(r.processName, [...(groups.get(r.processName) ?? []), r.number]);
    }
    if (groups.size === 0) return null;
    return (
      <ul className="pain-groups">
        {[...groups].map(([process, numbers]) => (
          <li key={process}>
            <span className="pain-group-name">{process}</span>{' '}
            {numbers
              .sort((a, b) => a - b)
              .map((n) => (
                <span key={n} className="pain-marker pain-marker-sm">
                  {n}
                </span>
              ))}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <section className="analysis-view" aria-labelledby="opportunities-title">
      <header className="analysis-head">
        <h2 id="opportunities-title">Opportunities</h2>
        <span className="muted">{view.opportunities.length} ideas</span>
        <span className="spacer" />
        <button type="button" className="btn btn-sm btn-primary" onClick={() => setEditing({ kind: 'new' })}>
          New opportunity
        </button>
      </header>
      {view.opportunities.length === 0 ? (
        <EmptyNote title="No opportunities yet">
          In the Pain points view, tick the pain points an idea would answer and choose “Create opportunity”, or start one here.
        </EmptyNote>
      ) : (
        <div className="opportunity-layout">
          <figure className="matrix-figure" aria-labelledby="matrix-title">
            <figcaption id="matrix-title" className="a-panel-title">
              Impact and effort
            </figcaption>
            <div className="matrix" role="table" aria-label="Impact and effort matrix">
              <div className="matrix-axis-y" aria-hidden="true">
                Impact →
              </div>
              <div className="matrix-grid" role="rowgroup">
                {[...SCALE].reverse().map((impact) => (
                  <div key={impact} className="matrix-row" role="row">
                    <div className="matrix-tick" role="rowheader">
                      {impact}
                    </div>
                    {SCALE.map((effort) => {
                      const here = placed.filter((o) => o.impact === impact && o.effort === effort);
                      return (
                        <div key={effort} className={`matrix-cell q-${quadrant(impact, effort)}`} role="cell" aria-label={`Impact ${impact}, effort ${effort}`}>
                          {here.map((o) => (
                            <button
                              key={o.id}
                              type="button"
                              className={`matrix-chip${o.horizon === 'quick_win' ? ' chip-quick' : ''}`}
                              title={`${o.title} (impact ${impact}, effort ${effort})`}
                              onClick={() => setEditing({ kind: 'edit', opportunity: o })}
                            >
                              {o.title}
                            </button>
                          ))}
                        </div>
                      );
                    })}
                  </div>
                ))}
                <div className="matrix-row matrix-foot" role="row">
                  <div className="matrix-tick" role="rowheader" />
                  {SCALE.map((effort) => (
                    <div key={effort} className="matrix-tick" role="columnheader">
                      {effort}
                    </div>
                  ))}
                </div>
              </div>
              <div className="matrix-axis-x" aria-hidden="true">
                Effort →
              </div>
            </div>
            <div className="matrix-legend">
              <span className="legend-item">
                <span className="legend-swatch q-quick" /> Quick wins: high impact, low effort
              </span>
              <span className="legend-item">
                <span className="legend-swatch q-major" /> Major projects: high impact, high effort
              </span>
              <span className="legend-item">
                <span className="legend-swatch q-thankless" /> Thankless: low impact, high effort
              </span>
            </div>
            {unplaced.length > 0 && (
              <p className="muted matrix-unplaced">Not on the matrix until impact and effort are set: {unplaced.map((o) => o.title).join('; ')}.</p>
            )}
          </figure>
          <div className="table-wrap">
            <table className="data-table" aria-label="Opportunities">
              <thead>
                <tr>
                  <th scope="col">Opportunity</th>
                  <th scope="col">Pain points</th>
                  <th scope="col" className="num">
                    Impact
                  </th>
                  <th scope="col" className="num">
                    Effort
                  </th>
                  <th scope="col">Horizon</th>
                  <th scope="col">Owner</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.opportunities.map((o) => (
                  <tr key={o.id}>
                    <td className="col-text">
                      <strong>{o.title}</strong>
                      {o.description && <div className="muted cell-sub">{o.description}</div>}
                    </td>
                    <td>{painList(o) || <span className="muted">None linked</span>}</td>
                    <td className="num">{o.impact ?? <span className="muted">—</span>}</td>
                    <td className="num">{o.effort ?? <span className="muted">—</span>}</td>
                    <td>{o.horizon ? <span className={`horizon horizon-${o.horizon}`}>{HORIZON_LABELS[o.horizon]}</span> : <span className="muted">—</span>}</td>
                    <td>{o.owner || <span className="muted">—</span>}</td>
                    <td className="col-actions">
                      <button type="button" className="btn btn-sm btn-ghost" aria-label={`Edit opportunity ${o.title}`} onClick={() => setEditing({ kind: 'edit', opportunity: o })}>
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
      {editing && (
        <OpportunityDialog
          {...(editing.kind === 'edit' ? { opportunity: editing.opportunity } : {})}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
