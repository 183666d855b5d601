/**
 * Documented and observed processes: a process can be the client's documented procedure, compared
 * with the process people showed in a session (its observed twin). The consultant's corrections of
 * the automatic step matching live in `step_matches`; the step columns carry no foreign key, so
 * deleting a step never fails on a match (db/matches.ts forgets its matches in the same command).
 */
export const sql = `
ALTER TABLE processes ADD COLUMN documented INTEGER NOT NULL DEFAULT 0;
ALTER TABLE processes ADD COLUMN observed_id TEXT REFERENCES processes(id);

CREATE TABLE step_matches (
  id TEXT PRIMARY KEY,
  process_id TEXT NOT NULL REFERENCES processes(id),
  documented_step_id TEXT,
  observed_step_id TEXT
);
CREATE INDEX step_matches_process ON step_matches(process_id);
`;
