import { useMemo, useState } from 'react';
import type { RegisterRow } from '../../../core/register';
import { call } from '../api';
import { useMode } from '../mode';
import { useShoshin } from '../store';
import { useAnalysis, useAnalysisUi } from './analysisStore';
import { jumpToPainPoint } from './jump';
import { FOUR_P_LABELS, FREQUENCY_LABELS, WASTE_LABELS } from './labels';
import { OpportunityDialog } from './OpportunityDialog';
import { downloadText, EmptyNote } from './ui';

type SortKey = 'number' | 'text' | 'process' | 'lane' | 'raisedBy' | 'waste' | 'fourP' | 'severity' | 'frequency' | 'votes';
interface Sort {
  key: SortKey;
  descending: boolean;
}

const FREQUENCY_ORDER = ['rare', 'monthly', 'weekly', 'daily', 'constant'];

function sortValue(row: RegisterRow, key: SortKey, processOrder: Map<string, number>): string | number {
  switch (key) {
    case 'number':
      return (processOrder.get(row.processId) ?? 0) * 100_000 + row.number;
    case 'text':
      return row.text.toLowerCase();
    case 'process':
      return processOrder.get(row.processId) ?? 0;
    case 'lane':
      return row.laneName.toLowerCase();
    case 'raisedBy':
      return row.raisedByName.toLowerCase();
    case 'waste':
      return row.waste ? WASTE_LABELS[row.waste] : '';
    case 'fourP':
      return row.fourP ? FOUR_P_LABELS[row.fourP] : '';
    case 'severity':
      return row.severity ?? 0;
    case 'frequency':
      return row.frequency ? FREQUENCY_ORDER.indexOf(row.frequency) + 1 : 0;
    case 'votes':
      return row.votes;
  }
}

/** Numbers and scores read best highest first; words alphabetically. */
const NUMERIC_FIRST_DESCENDING: ReadonlySet<SortKey> = new Set(['votes', 'severity', 'frequency']);

/** The pain-point register across the engagement: sortable, filterable, and a way back to each marker. */
export function PainPointRegister() {
  const view = useAnalysis((s) => s.view);
  const processes = useShoshin((s) => s.engagement?.processes ?? []);
  const analyse = useMode((s) => s.mode === 'analyse');
  const picked = useAnalysisUi((s) => s.picked);
  const setPicked = useAnalysisUi((s) => s.setPicked);
  const edit = useAnalysisUi((s) => s.edit);
  const [sort, setSort] = useState<Sort>({ key: 'number', descending: false });
  const [processId, setProcessId] = useState('');
  const [laneId, setLaneId] = useState('');
  const [waste, setWaste] = useState('');
  const [fourP, setFourP] = useState('');
  const [severity, setSeverity] = useState(0);
  const [minVotes, setMinVotes] = useState(0);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [anonymise, setAnonymise] = useState(true);

  const processOrder = useMemo(() => new Map(processes.map((p, i) => [p.id, i])), [processes]);
  const lanes = useMemo(() => (view?.lanes ?? []).filter((l) => !processId || l.processId === processId), [view, processId]);

  const rows = useMemo(() => {
    const all = view?.register ?? [];
    const needle = search.trim().toLowerCase();
    const filtered = all.filter(
      (r) =>
        (!processId || r.processId === processId) &&
        (!laneId || r.laneId === laneId) &&
        (!analyse || !waste || r.waste === waste) &&
        (!analyse || !fourP || r.fourP === fourP) &&
        (!analyse || !severity || (r.severity ?? 0) >= severity) &&
        r.votes >= minVotes &&
        (!needle || `${r.text} ${r.targetLabel} ${r.raisedByName} ${r.notes}`.toLowerCase().includes(needle)),
    );
    const direction = sort.descending ? -1 : 1;
    return [...filtered].sort((a, b) => {
      const x = sortValue(a, sort.key, processOrder);
      const y = sortValue(b, sort.key, processOrder);
      const base = x < y ? -1 : x > y ? 1 : 0;
      return base * direction || (sortValue(a, 'number', processOrder) as number) - (sortValue(b, 'number', processOrder) as number);
    });
  }, [view, processId, laneId, waste, fourP, severity, minVotes, search, sort, processOrder, analyse]);

  if (!view) return <p className="muted analysis-loading">Loading the register…</p>;

  const header = (key: SortKey, label: string, numeric = false) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} className={numeric ? 'num' : undefined}>
        <button
          type="button"
          className="sort-btn"
          onClick={() => setSort(active ? { key, descending: !sort.descending } : { key, descending: NUMERIC_FIRST_DESCENDING.has(key) })}
        >
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (sort.descending ? '▼' : '▲') : ''}
          </span>
        </button>
      </th>
    );
  };

  const togglePick = (id: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };

  const exportCsv = async () => {
    try {
      const file = await call('export.csv', { register: 'painPoints', anonymise });
      downloadText(file.fileName, file.csv);
    } catch (error) {
      useShoshin.setState({ notice: error instanceof Error ? error.message : 'The export failed.' });
    }
  };

  const pickedRows = view.register.filter((r) => picked.has(r.id));
  const filtering = !!(processId || laneId || waste || fourP || severity || minVotes || search);

  return (
    <section className="analysis-view" aria-labelledby="register-title">
      <header className="analysis-head">
        <h2 id="register-title">Pain points</h2>
        <span className="muted">
          {rows.length === view.register.length ? `${view.register.length} in the engagement` : `${rows.length} of ${view.register.length} shown`}
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-sm" disabled={pickedRows.length === 0} onClick={() => setCreating(true)}>
          Create opportunity from {pickedRows.length || 'selected'}
        </button>
        <label className="check-inline">
          <input type="checkbox" checked={anonymise} onChange={(e) => setAnonymise(e.target.checked)} />
          Anonymise names
        </label>
        <button type="button" className="btn btn-sm" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </header>
      <div className="filters" role="group" aria-label="Filter pain points">
        <label className="field field-inline">
          Search
          <input className="input input-sm" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Words, people, steps" />
        </label>
        <label className="field field-inline">
          Process
          <select
            className="input input-sm"
            value={processId}
            onChange={(e) => {
              setProcessId(e.target.value);
              setLaneId('');
            }}
          >
            <option value="">All processes</option>
            {processes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          Lane
          <select className="input input-sm" value={laneId} onChange={(e) => setLaneId(e.target.value)}>
            <option value="">All lanes</option>
            {lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {processId ? l.name : `${processes.find((p) => p.id === l.processId)?.name ?? ''} · ${l.name}`}
              </option>
            ))}
          </select>
        </label>
        {analyse && (
          <>
            <label className="field field-inline">
              Waste
              <select className="input input-sm" value={waste} onChange={(e) => setWaste(e.target.value)}>
                <option value="">Any waste</option>
                {Object.entries(WASTE_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field-inline">
              Four Ps
              <select className="input input-sm" value={fourP} onChange={(e) => setFourP(e.target.value)}>
                <option value="">Any</option>
                {Object.entries(FOUR_P_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field-inline">
              Severity
              <select className="input input-sm" value={severity} onChange={(e) => setSeverity(Number(e.target.value))}>
                <option value={0}>Any</option>
                {[2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n === 5 ? '5' : `${n} or more`}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label className="field field-inline">
          Votes
          <select className="input input-sm" value={minVotes} onChange={(e) => setMinVotes(Number(e.target.value))}>
            <option value={0}>Any</option>
            {[1, 2, 3, 5].map((n) => (
              <option key={n} value={n}>
                {n} or more
              </option>
            ))}
          </select>
        </label>
        {filtering && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => {
              setProcessId('');
              setLaneId('');
              setWaste('');
              setFourP('');
              setSeverity(0);
              setMinVotes(0);
              setSearch('');
            }}
          >
            Clear filters
          </button>
        )}
      </div>
      {view.register.length === 0 ? (
        <EmptyNote title="No pain points yet">
          On the map, select a step, a flow or a lane (or nothing, for the whole process) and press <span className="kbd">P</span> to write one down in the
          client’s own words.
        </EmptyNote>
      ) : (
        <div className="table-wrap">
          <table className="data-table register-table" aria-label="Pain-point register">
            <thead>
              <tr>
                <th scope="col" className="col-pick">
                  <span className="visually-hidden">Pick for an opportunity</span>
                </th>
                {header('number', '#', true)}
                {header('text', 'Pain point')}
                {header('process', 'Process')}
                {header('lane', 'Lane')}
                {header('raisedBy', 'Raised by')}
                {analyse && header('waste', 'Waste')}
                {analyse && header('fourP', 'Four Ps')}
                {analyse && header('severity', 'Severity', true)}
                {analyse && header('frequency', 'Frequency')}
                {header('votes', 'Votes', true)}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={picked.has(r.id) ? 'picked' : undefined} onClick={(e) => {
                  if ((e.target as HTMLElement).closest('button, input, a')) return;
                  void jumpToPainPoint(r);
                }}>
                  <td className="col-pick">
                    <input
                      type="checkbox"
                      aria-label={`Pick pain point ${r.number} of ${r.processName}`}
                      checked={picked.has(r.id)}
                      onChange={(e) => togglePick(r.id, e.target.checked)}
                    />
                  </td>
                  <td className="num">
                    <span className="pain-marker" aria-hidden="true">
                      {r.number}
                    </span>
                  </td>
                  <td className="col-text">
                    <button type="button" className="link-btn" title="Show on the map" onClick={() => void jumpToPainPoint(r)}>
                      {r.text}
                    </button>
                    <div className="muted cell-sub">{r.targetLabel}</div>
                  </td>
                  <td>{r.processName}</td>
                  <td>{r.laneName || <span className="muted">—</span>}</td>
                  <td>{r.raisedByName || <span className="muted">Anonymous</span>}</td>
                  {analyse && <td>{r.waste ? WASTE_LABELS[r.waste] : <span className="muted">—</span>}</td>}
                  {analyse && <td>{r.fourP ? FOUR_P_LABELS[r.fourP] : <span className="muted">—</span>}</td>}
                  {analyse && <td className="num">{r.severity ?? <span className="muted">—</span>}</td>}
                  {analyse && <td>{r.frequency ? FREQUENCY_LABELS[r.frequency] : <span className="muted">—</span>}</td>}
                  <td className="num">{r.votes || <span className="muted">0</span>}</td>
                  <td className="col-actions">
                    <button type="button" className="btn btn-sm btn-ghost" aria-label={`Edit pain point ${r.number} of ${r.processName}`} onClick={() => edit(r.id)}>
                      {analyse ? 'Classify' : 'Edit'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="muted table-empty">No pain point matches these filters.</p>}
        </div>
      )}
      {creating && (
        <OpportunityDialog
          initialPainPointIds={pickedRows.map((r) => r.id)}
          onClose={(created) => {
            setCreating(false);
            if (created) setPicked([]);
          }}
        />
      )}
    </section>
  );
}
