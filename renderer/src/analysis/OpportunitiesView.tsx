import { useState } from 'react';
import type { Opportunity } from '../../../core/model';
import { useAnalysis } from './analysisStore';
import { HORIZON_LABELS } from './labels';
import { OpportunityDialog } from './OpportunityDialog';
import { EmptyNote, ScoreGrid } from './ui';
import { t } from '../i18n';

type Editing = { kind: 'new' } | { kind: 'edit'; opportunity: Opportunity } | null;


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
  if (!view) return <p className="muted analysis-loading">{t('analysis.opportunities.loading')}</p>;
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
        <h2 id="opportunities-title">{t('analysis.opportunities.title')}</h2>
        <span className="muted">{t('analysis.opportunities.count', { count: view.opportunities.length })}</span>
        <span className="spacer" />
        <button type="button" className="btn btn-sm btn-primary" onClick={() => setEditing({ kind: 'new' })}>
          {t('analysis.opportunities.new')}
        </button>
      </header>
      {view.opportunities.length === 0 ? (
        <EmptyNote title={t('analysis.opportunities.emptyTitle')}>{t('analysis.opportunities.emptyText')}</EmptyNote>
      ) : (
        <div className="opportunity-layout">
          <figure className="matrix-figure" aria-labelledby="matrix-title">
            <figcaption id="matrix-title" className="a-panel-title">
              {t('analysis.opportunities.matrixTitle')}
            </figcaption>
            <ScoreGrid
              label={t('analysis.opportunities.matrixLabel')}
              yAxis={t('analysis.opportunities.axisImpact')}
              xAxis={t('analysis.opportunities.axisEffort')}
              cellLabel={(impact, effort) => t('analysis.opportunities.cellLabel', { impact, effort })}
              zone={(impact, effort) => `q-${quadrant(impact, effort)}`}
            >
              {(impact, effort) =>
                placed
                  .filter((o) => o.impact === impact && o.effort === effort)
                  .map((o) => (
                    <button
                      key={o.id}
                      type="button"
                      className={`matrix-chip${o.horizon === 'quick_win' ? ' chip-quick' : ''}`}
                      title={t('analysis.opportunities.chipTitle', { title: o.title, impact, effort })}
                      onClick={() => setEditing({ kind: 'edit', opportunity: o })}
                    >
                      {o.title}
                    </button>
                  ))
              }
            </ScoreGrid>
            <div className="matrix-legend">
              <span className="legend-item">
                <span className="legend-swatch q-quick" /> {t('analysis.opportunities.legendQuick')}
              </span>
              <span className="legend-item">
                <span className="legend-swatch q-major" /> {t('analysis.opportunities.legendMajor')}
              </span>
              <span className="legend-item">
                <span className="legend-swatch q-thankless" /> {t('analysis.opportunities.legendThankless')}
              </span>
            </div>
            {unplaced.length > 0 && (
              <p className="muted matrix-unplaced">
                {t('analysis.opportunities.unplaced', { titles: unplaced.map((o) => o.title).join(t('analysis.opportunities.unplacedJoin')) })}
              </p>
            )}
          </figure>
          <div className="table-wrap">
            <table className="data-table" aria-label={t('analysis.opportunities.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('analysis.opportunities.colOpportunity')}</th>
                  <th scope="col">{t('analysis.opportunities.colPainPoints')}</th>
                  <th scope="col" className="num">
                    {t('analysis.opportunities.colImpact')}
                  </th>
                  <th scope="col" className="num">
                    {t('analysis.opportunities.colEffort')}
                  </th>
                  <th scope="col">{t('analysis.opportunities.colHorizon')}</th>
                  <th scope="col">{t('analysis.opportunities.colOwner')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('analysis.opportunities.colActions')}</span>
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
                    <td>{painList(o) || <span className="muted">{t('analysis.opportunities.noneLinked')}</span>}</td>
                    <td className="num">{o.impact ?? <span className="muted">{t('analysis.opportunities.empty')}</span>}</td>
                    <td className="num">{o.effort ?? <span className="muted">{t('analysis.opportunities.empty')}</span>}</td>
                    <td>{o.horizon ? <span className={`horizon horizon-${o.horizon}`}>{HORIZON_LABELS[o.horizon]}</span> : <span className="muted">{t('analysis.opportunities.empty')}</span>}</td>
                    <td>{o.owner || <span className="muted">{t('analysis.opportunities.empty')}</span>}</td>
                    <td className="col-actions">
                      <button type="button" className="btn btn-sm btn-ghost" aria-label={t('analysis.opportunities.editLabel', { title: o.title })} onClick={() => setEditing({ kind: 'edit', opportunity: o })}>
                        {t('analysis.opportunities.edit')}
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
