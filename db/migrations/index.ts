import { sql as initial } from './0001_initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Ordered, append-only: a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];

export const SCHEMA_VERSION = MIGRATIONS.length;
