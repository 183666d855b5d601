import type Database from 'better-sqlite3';
import { DEFAULT_REPORT_OPTIONS, ReportOptions } from '../../core/ipc/report';
import type { ProcessMetrics } from '../../core/metrics';
import type { Engagement, Lane, Need, Observation, Opportunity, Person, ProcessView, Question, Quote, Session, StepMatch, Vote } from '../../core/model';
import type { RegisterRow } from '../../core/register';
import { all, metricsOf, peopleOf, processViews, registerOf, sessionsOf, snapshotOf } from '../../core/views';
import { getEngagement } from '../../db/engagement';
import { loadRecords } from '../../db/records';

/** Everything the report reads, taken from the engagement file in one go so the document is consistent. */
export interface ReportData {
  engagement: Engagement;
  sessions: Session[];
  people: Person[];
  /** Top-level processes first, each followed by its sub-processes, as a reader meets them. */
  processes: ProcessView[];
  metrics: Map<string, ProcessMetrics>;
  register: RegisterRow[];
  votes: Vote[];
  opportunities: Opportunity[];
  observations: Observation[];
  needs: Need[];
  /** Quotes and questions not tied to any process. */
  looseQuotes: Quote[];
  looseQuestions: Question[];
  lanes: Map<string, Lane>;
  /** The consultant's corrections of the documented-versus-observed step matching. */
  stepMatches: StepMatch[];
}

function readingOrder(views: ProcessView[]): ProcessView[] {
  const byParentStep = new Map<string, ProcessView[]>();
  const stepToProcess = new Map<string, string>();
  for (const v of views) for (const s of v.steps) stepToProcess.set(s.id, v.process.id);
  const roots: ProcessView[] = [];
  for (const v of views) {
    const parent = v.process.parentStepId;
    if (parent && stepToProcess.has(parent) && stepToProcess.get(parent) !== v.process.id) {
      byParentStep.set(parent, [...(byParentStep.get(parent) ?? []), v]);
    } else roots.push(v);
  }
  const ordered: ProcessView[] = [];
  const seen = new Set<string>();
  const visit = (v: ProcessView): void => {
    if (seen.has(v.process.id)) return;
    seen.add(v.process.id);
    ordered.push(v);
    for (const s of v.steps) for (const child of byParentStep.get(s.id) ?? []) visit(child);
  };
  roots.forEach(visit);
  // A cycle of sub-processes has no root; still report every process once.
  views.forEach(visit);
  return ordered;
}

export function loadReportData(db: Database.Database): ReportData {
  const snapshot = snapshotOf(loadRecords(db));
  const views = readingOrder(processViews(snapshot));
  return {
    engagement: getEngagement(db),
    sessions: sessionsOf(snapshot),
    people: peopleOf(snapshot),
    processes: views,
    metrics: new Map(views.map((v) => [v.process.id, metricsOf(snapshot, v)])),
    register: registerOf(snapshot, views),
    votes: all(snapshot, 'votes'),
    opportunities: all(snapshot, 'opportunities'),
    observations: all(snapshot, 'observations'),
    needs: all(snapshot, 'needs'),
    looseQuotes: all(snapshot, 'quotes').filter((q) => q.processId === null),
    looseQuestions: all(snapshot, 'questions').filter((q) => q.processId === null),
    lanes: new Map(views.flatMap((v) => v.lanes).map((l) => [l.id, l])),
    stepMatches: all(snapshot, 'step_matches'),
  };
}

export const REPORT_OPTIONS_KEY = 'report.options';

/** The engagement's remembered report options; anything unreadable falls back to the defaults. */
export function readReportOptions(db: Database.Database, fallback: ReportOptions = DEFAULT_REPORT_OPTIONS): ReportOptions {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(REPORT_OPTIONS_KEY) as { value: string } | undefined;
  if (!row) return { ...fallback };
  try {
    const parsed = ReportOptions.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : { ...fallback };
  } catch {
    return { ...fallback };
  }
}

/**
 * A plain settings write, deliberately outside the undo journal: report options are how the
 * document is printed, not workshop content, and Ctrl+Z on the canvas must never quietly
 * change the brand colour instead of the step the consultant just drew.
 */
export function writeReportOptions(db: Database.Database, options: ReportOptions): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(REPORT_OPTIONS_KEY, JSON.stringify(options));
}
