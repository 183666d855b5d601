// Runs Electronegativity over the built app (out/) and fails on any high or medium finding that is not
// documented as a false positive in test/security/electronegativity-false-positives.json.
// The "available security fixes" check needs the network to list Electron releases, so it is excluded here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const report = path.join(root, 'test-results', 'electronegativity.csv');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const allowed = JSON.parse(fs.readFileSync(path.join(root, 'test', 'security', 'electronegativity-false-positives.json'), 'utf8'));

fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
execFileSync(
  path.join(root, 'node_modules', '.bin', 'electronegativity'),
  ['-i', path.join(root, 'out'), '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report, '-r', '-v', 'false'],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
if (!fs.existsSync(report)) {
  console.error('electronegativity: no report was written');
  process.exit(1);
}

/** Minimal CSV row parser: quoted fields with doubled quotes, as Electronegativity writes them. */
function parseRow(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field.trim());
      field = '';
    } else field += c;
  }
  fields.push(field.trim());
  return fields;
}

const rows = fs.readFileSync(report, 'utf8').split('\n').slice(1).filter(Boolean).map(parseRow);
const serious = rows.filter(([, severity]) => severity === 'HIGH' || severity === 'MEDIUM');
const unexplained = serious.filter(([check, , , , , sample]) => !allowed.some((a) => a.check === check && (sample ?? '').includes(a.sample)));
for (const [check, severity, confidence, file, location, sample] of serious) {
  const known = !unexplained.some((u) => u[0] === check && u[4] === location);
  console.log(`${known ? 'documented' : 'FINDING   '} ${severity} ${confidence} ${check} ${file}:${location} ${known ? '' : sample}`);
}
console.log(`electronegativity: ${rows.length} findings, ${serious.length} high or medium, ${unexplained.length} not documented`);
process.exit(unexplained.length > 0 ? 1 : 0);
