/**
 * Column maps for every journalled table: record key (camelCase) to column and storage kind.
 * One generic mapper keeps the journal able to undo any row of any table the same way.
 */
type ColumnKind = 'text' | 'num' | 'bool' | 'json';

function cols<K extends string>(spec: Record<K, ColumnKind>): Record<K, ColumnKind> {
  return spec;
}

export const TABLES = {
  engagement: cols({ id: 'text', name: 'text', client: 'text', scope: 'text', consultant: 'text', departments: 'json', createdAt: 'text' }),
  sessions: cols({ id: 'text', name: 'text', date: 'text', facilitator: 'text', notes: 'text', participantIds: 'json', position: 'num' }),
  people: cols({
    id: 'text', name: 'text', role: 'text', team: 'text', influence: 'num', sponsor: 'bool', champion: 'bool',
    awareness: 'num', commitment: 'num', readiness: 'num', reinforcement: 'num', resistance: 'text', notes: 'text', anonymise: 'bool',
  }),
  processes: cols({ id: 'text', name: 'text', description: 'text', department: 'text', parentStepId: 'text', position: 'num' }),
  lanes: cols({ id: 'text', processId: 'text', name: 'text', kind: 'text', color: 'text', position: 'num' }),
  steps: cols({
    id: 'text', processId: 'text', laneId: 'text', kind: 'text', text: 'text', x: 'num', y: 'num', description: 'text',
    system: 'text', workMinutes: 'num', waitMinutes: 'num', volume: 'text', valueClass: 'text', sessionId: 'text', subprocessId: 'text',
  }),
  flows: cols({ id: 'text', processId: 'text', sourceId: 'text', targetId: 'text', label: 'text' }),
  pain_points: cols({
    id: 'text', processId: 'text', targetKind: 'text', targetId: 'text', number: 'num', text: 'text', raisedBy: 'text', sessionId: 'text',
    waste: 'text', fourP: 'text', severity: 'num', frequency: 'text', notes: 'text',
  }),
  votes: cols({ id: 'text', sessionId: 'text', personId: 'text', painPointId: 'text', dots: 'num' }),
  vote_rounds: cols({ id: 'text', sessionId: 'text', dotsPerPerson: 'num', revealed: 'bool', startedAt: 'text' }),
  quotes: cols({ id: 'text', processId: 'text', stepId: 'text', text: 'text', personId: 'text', sessionId: 'text' }),
  questions: cols({ id: 'text', processId: 'text', stepId: 'text', text: 'text', status: 'text', answer: 'text' }),
  observations: cols({ id: 'text', text: 'text', fourP: 'text', personId: 'text', sessionId: 'text' }),
  opportunities: cols({
    id: 'text', title: 'text', description: 'text', impact: 'num', effort: 'num', horizon: 'text', owner: 'text', painPointIds: 'json',
  }),
  needs: cols({ id: 'text', kind: 'text', text: 'text', personId: 'text', laneId: 'text' }),
} as const;

export type TableName = keyof typeof TABLES;
export type Row = Record<string, string | number | null>;

export function columnName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function isTableName(name: string): name is TableName {
  return Object.prototype.hasOwnProperty.call(TABLES, name);
}

/** Record (as the domain types have it) to a row of SQLite values. */
export function toRow(table: TableName, record: Record<string, unknown>): Row {
  const row: Row = {};
  for (const [key, kind] of Object.entries(TABLES[table]) as [string, ColumnKind][]) {
    if (!(key in record)) continue;
    const value = record[key];
    const column = columnName(key);
    if (value === null || value === undefined) row[column] = null;
    else if (kind === 'bool') row[column] = value ? 1 : 0;
    else if (kind === 'json') row[column] = JSON.stringify(value);
    else row[column] = value as string | number;
  }
  return row;
}

/** A row read from SQLite back to a record. */
export function fromRow<T>(table: TableName, row: Row): T {
  const record: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(TABLES[table]) as [string, ColumnKind][]) {
    const value = row[columnName(key)];
    if (value === undefined) continue;
    if (kind === 'bool') record[key] = value === 1;
    else if (kind === 'json') record[key] = typeof value === 'string' ? JSON.parse(value) : [];
    else record[key] = value;
  }
  return record as T;
}
