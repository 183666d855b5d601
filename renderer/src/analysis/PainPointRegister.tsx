import { useMemo, useState } from 'react';
import type { RegisterRow } from '../../../core/register';
import { call } from '../api';
import { useMode } from '../mode';
import { showNotice, useShoshin } from '../store';
import { useAnalysis, useAnalysisUi } from './analysisStore';
import { jumpToPainPoint } from './jump';
import { FOUR_P_LABELS, FREQUENCY_LABELS, WASTE_LABELS } from './labels';
import { OpportunityDialog } from './OpportunityDialog';
import { downloadText, EmptyNote } from './ui';
import { t } from '../i18n';

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
        (!needle || `${r.text} ${t(r.targetLabel)} ${r.raisedByName} ${r.notes}`.toLowerCase().includes(needle)),
    );
    const direction = sort.descending ? -1 : 1;
    return [...filtered].sort((a, b) => {
      const x = sortValue(a, sort.key, processOrder);
      const y = sortValue(b, sort.key, processOrder);
      const base = x < y ? -1 : x > y ? 1 : 0;
      return base * direction || (sortValue(a, 'number', processOrder) as number) - (sortValue(b, 'number', processOrder) as number);
    });
  }, [view, processId, laneId, waste, fourP, severity, minVotes, search, sort, processOrder, analyse]);

  if (!view) return <p className="muted analysis-loading">{t('analysis.register.loading')}</p>;

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
      showNotice(error instanceof Error ? error.message : t('analysis.register.exportFailed'), { error: true });
    }
  };

  const pickedRows = view.register.filter((r) => picked.has(r.id));
  const filtering = !!(processId || laneId || waste || fourP || severity || minVotes || search);

  return (
    <section className="analysis-view" aria-labelledby="register-title">
      <header className="analysis-head">
        <h2 id="register-title">{t('analysis.register.title')}</h2>
        <span className="muted">
          {rows.length === view.register.length
            ? t('analysis.register.total', { count: view.register.length })
            : t('analysis.register.shown', { shown: rows.length, total: view.register.length })}
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-sm" disabled={pickedRows.length === 0} onClick={() => setCreating(true)}>
          {pickedRows.length ? t('analysis.register.createFrom', { count: pickedRows.length }) : t('analysis.register.createFromSelected')}
        </button>
        <label className="check-inline">
          <input type="checkbox" checked={anonymise} onChange={(e) => setAnonymise(e.target.checked)} />
          {t('analysis.register.anonymise')}
        </label>
        <button type="button" className="btn btn-sm" onClick={() => void exportCsv()}>
          {t('analysis.register.export')}
        </button>
      </header>
      <div className="filters" role="group" aria-label={t('analysis.register.filterLabel')}>
        <label className="field field-inline">
          {t('analysis.register.search')}
          <input
            className="input input-sm"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('analysis.register.searchPlaceholder')}
          />
        </label>
        <label className="field field-inline">
          {t('analysis.register.process')}
          <select
            className="input input-sm"
            value={processId}
            onChange={(e) => {
              setProcessId(e.target.value);
              setLaneId('');
            }}
          >
            <option value="">{t('analysis.register.allProcesses')}</option>
            {processes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          {t('analysis.register.lane')}
          <select className="input input-sm" value={laneId} onChange={(e) => setLaneId(e.target.value)}>
            <option value="">{t('analysis.register.allLanes')}</option>
            {lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {processId ? l.name : t('analysis.register.laneOfProcess', { process: processes.find((p) => p.id === l.processId)?.name ?? '', lane: l.name })}
              </option>
            ))}
          </select>
        </label>
        {analyse && (
          <>
            <label className="field field-inline">
              {t('analysis.register.waste')}
              <select className="input input-sm" value={waste} onChange={(e) => setWaste(e.target.value)}>
                <option value="">{t('analysis.register.anyWaste')}</option>
                {Object.entries(WASTE_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field-inline">
              {t('analysis.register.fourP')}
              <select className="input input-sm" value={fourP} onChange={(e) => setFourP(e.target.value)}>
                <option value="">{t('analysis.register.any')}</option>
                {Object.entries(FOUR_P_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field-inline">
              {t('analysis.register.severity')}
              <select className="input input-sm" value={severity} onChange={(e) => setSeverity(Number(e.target.value))}>
                <option value={0}>{t('analysis.register.any')}</option>
                {[2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n === 5 ? '5' : t('analysis.register.orMore', { count: n })}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label className="field field-inline">
          {t('analysis.register.votes')}
          <select className="input input-sm" value={minVotes} onChange={(e) => setMinVotes(Number(e.target.value))}>
            <option value={0}>{t('analysis.register.any')}</option>
            {[1, 2, 3, 5].map((n) => (
              <option key={n} value={n}>
                {t('analysis.register.orMore', { count: n })}
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
            {t('analysis.register.clearFilters')}
          </button>
        )}
      </div>
      {view.register.length === 0 ? (
        <EmptyNote title={t('analysis.register.emptyTitle')}>
          {t('analysis.register.emptyBefore')} <span className="kbd">{t('analysis.register.emptyKey')}</span> {t('analysis.register.emptyAfter')}
        </EmptyNote>
      ) : (
        <div className="table-wrap">
          <table className="data-table register-table" aria-label={t('analysis.register.tableLabel')}>
            <thead>
              <tr>
                <th scope="col" className="col-pick">
                  <span className="visually-hidden">{t('analysis.register.pick')}</span>
                </th>
                {header('number', t('analysis.register.colNumber'), true)}
                {header('text', t('analysis.register.colPainPoint'))}
                {header('process', t('analysis.register.colProcess'))}
                {header('lane', t('analysis.register.colLane'))}
                {header('raisedBy', t('analysis.register.colRaisedBy'))}
                {analyse && header('waste', t('analysis.register.colWaste'))}
                {analyse && header('fourP', t('analysis.register.colFourP'))}
                {analyse && header('severity', t('analysis.register.colSeverity'), true)}
                {analyse && header('frequency', t('analysis.register.colFrequency'))}
                {header('votes', t('analysis.register.colVotes'), true)}
                <th scope="col">
                  <span className="visually-hidden">{t('analysis.register.colActions')}</span>
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
                      aria-label={t('analysis.register.pickLabel', { number: r.number, process: r.processName })}
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
                    <button type="button" className="link-btn" title={t('analysis.register.showOnMap')} onClick={() => void jumpToPainPoint(r)}>
                      {r.text}
                    </button>
                    <div className="muted cell-sub">{t(r.targetLabel)}</div>
                  </td>
                  <td>{r.processName}</td>
                  <td>{r.laneName || <span className="muted">{t('analysis.register.empty')}</span>}</td>
                  <td>{r.raisedByName || <span className="muted">{t('analysis.register.anonymous')}</span>}</td>
                  {analyse && <td>{r.waste ? WASTE_LABELS[r.waste] : <span className="muted">{t('analysis.register.empty')}</span>}</td>}
                  {analyse && <td>{r.fourP ? FOUR_P_LABELS[r.fourP] : <span className="muted">{t('analysis.register.empty')}</span>}</td>}
                  {analyse && <td className="num">{r.severity ?? <span className="muted">{t('analysis.register.empty')}</span>}</td>}
                  {analyse && <td>{r.frequency ? FREQUENCY_LABELS[r.frequency] : <span className="muted">{t('analysis.register.empty')}</span>}</td>}
                  <td className="num">{r.votes || <span className="muted">0</span>}</td>
                  <td className="col-actions">
                    <button type="button" className="btn btn-sm btn-ghost" aria-label={t('analysis.register.editLabel', { number: r.number, process: r.processName })} onClick={() => edit(r.id)}>
                      {analyse ? t('analysis.register.classify') : t('analysis.register.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="muted table-empty">{t('analysis.register.noMatch')}</p>}
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
