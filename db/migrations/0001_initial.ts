/** The whole vocabulary of the brief, so later features add columns rather than reshape files. */
export const sql = `
CREATE TABLE engagement (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  client TEXT NOT NULL DEFAULT '',
  scope TEXT NOT NULL DEFAULT '',
  consultant TEXT NOT NULL DEFAULT '',
  departments TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  date TEXT NOT NULL DEFAULT '',
  facilitator TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  participant_ids TEXT NOT NULL DEFAULT '[]',
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  team TEXT NOT NULL DEFAULT '',
  influence INTEGER,
  sponsor INTEGER NOT NULL DEFAULT 0,
  champion INTEGER NOT NULL DEFAULT 0,
  awareness INTEGER,
  commitment INTEGER,
  readiness INTEGER,
  reinforcement INTEGER,
  resistance TEXT,
  notes TEXT NOT NULL DEFAULT '',
  anonymise INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE processes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL DEFAULT '',
  parent_step_id TEXT,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE lanes (
  id TEXT PRIMARY KEY,
  process_id TEXT NOT NULL REFERENCES processes(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'role',
  color TEXT NOT NULL DEFAULT '#e8eef9',
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX lanes_process ON lanes(process_id);

CREATE TABLE steps (
  id TEXT PRIMARY KEY,
  process_id TEXT NOT NULL REFERENCES processes(id),
  lane_id TEXT REFERENCES lanes(id),
  kind TEXT NOT NULL DEFAULT 'activity',
  text TEXT NOT NULL DEFAULT '',
  x REAL NOT NULL DEFAULT 0,
  y REAL NOT NULL DEFAULT 0,
  description TEXT NOT NULL DEFAULT '',
  system TEXT NOT NULL DEFAULT '',
  work_minutes REAL,
  wait_minutes REAL,
  volume TEXT NOT NULL DEFAULT '',
  value_class TEXT,
  session_id TEXT REFERENCES sessions(id),
  subprocess_id TEXT REFERENCES processes(id)
);
CREATE INDEX steps_process ON steps(process_id);

CREATE TABLE flows (
  id TEXT PRIMARY KEY,
  process_id TEXT NOT NULL REFERENCES processes(id),
  source_id TEXT NOT NULL REFERENCES steps(id),
  target_id TEXT NOT NULL REFERENCES steps(id),
  label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX flows_process ON flows(process_id);

CREATE TABLE pain_points (
  id TEXT PRIMARY KEY,
  process_id TEXT NOT NULL REFERENCES processes(id),
  target_kind TEXT NOT NULL,
  target_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  raised_by TEXT REFERENCES people(id),
  session_id TEXT REFERENCES sessions(id),
  waste TEXT,
  four_p TEXT,
  severity INTEGER,
  frequency TEXT,
  notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pain_points_process ON pain_points(process_id);

CREATE TABLE votes (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  pain_point_id TEXT NOT NULL REFERENCES pain_points(id),
  dots INTEGER NOT NULL DEFAULT 0,
  UNIQUE (session_id, person_id, pain_point_id)
);

CREATE TABLE quotes (
  id TEXT PRIMARY KEY,
  process_id TEXT REFERENCES processes(id),
  step_id TEXT REFERENCES steps(id),
  text TEXT NOT NULL DEFAULT '',
  person_id TEXT REFERENCES people(id),
  session_id TEXT REFERENCES sessions(id)
);

CREATE TABLE questions (
  id TEXT PRIMARY KEY,
  process_id TEXT REFERENCES processes(id),
  step_id TEXT REFERENCES steps(id),
  text TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open',
  answer TEXT NOT NULL DEFAULT ''
);

CREATE TABLE observations (
  id TEXT PRIMARY KEY,
  text TEXT NOT NULL DEFAULT '',
  four_p TEXT,
  person_id TEXT REFERENCES people(id),
  session_id TEXT REFERENCES sessions(id)
);

CREATE TABLE opportunities (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  impact INTEGER,
  effort INTEGER,
  horizon TEXT,
  owner TEXT NOT NULL DEFAULT '',
  pain_point_ids TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE needs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  person_id TEXT REFERENCES people(id),
  lane_id TEXT REFERENCES lanes(id)
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- The undo journal: every command's row-level changes, so history survives restarts.
CREATE TABLE journal (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  command TEXT NOT NULL,
  label TEXT NOT NULL,
  changes TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0
);
`;
