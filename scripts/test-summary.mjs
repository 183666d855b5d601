// Prints vitest's JSON result as one plain closing line, "label: N passed, N failed", and fails on zero tests.
import fs from 'node:fs';

const [label, file] = process.argv.slice(2);
const result = JSON.parse(fs.readFileSync(file, 'utf8'));
const passed = result.numPassedTests ?? 0;
const failed = result.numFailedTests ?? 0;
const skipped = result.numPendingTests + (result.numTodoTests ?? 0);
console.log(`${label}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || passed === 0) process.exit(1);
