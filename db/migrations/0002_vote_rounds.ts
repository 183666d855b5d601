/**
 * A dot vote per session: how many dots each participant has and whether the ranking has been
 * revealed. The dots themselves stay in `votes`, one row per participant and pain point.
 */
export const sql = `
CREATE TABLE vote_rounds (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL UNIQUE REFERENCES sessions(id),
  dots_per_person INTEGER NOT NULL DEFAULT 3,
  revealed INTEGER NOT NULL DEFAULT 0,
  started_at TEXT NOT NULL
);
`;
