import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDiagram, textWidth, wrapText } from '../../core/diagram';
import { MAX_NAME, MAX_TEXT, STEP_KINDS } from '../../core/model';
import { createLane } from '../../db/lanes';
import { addPainPoint } from '../../db/painPoints';
import { createProcess } from '../../db/processes';
import { addStep } from '../../db/steps';
import { EngagementStore } from '../../db/store';
import { runCommand } from '../../main/cli';
import { processRoutes } from '../../main/report/routes';
import { cleanTempDirs, processViewOf, tempDir } from '../helpers';
import { msg } from '../../core/messages';

/**
 * Any text the contract accepts (up to MAX_TEXT in one field, one word of that length included)
 * draws and exports: wrapping works line by line and stops at the lines a shape can show.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');

const WORDS: Record<string, string> = {
  'wide letters': 'W'.repeat(MAX_TEXT),
  'narrow letters': 'i'.repeat(MAX_TEXT),
  'zero-width combining marks': `a${'\u0301'.repeat(MAX_TEXT - 1)}`,
  'CJK': '中'.repeat(MAX_TEXT),
  'emoji': '😀'.repeat(MAX_TEXT / 2),
  'many short words': 'ab '.repeat(MAX_TEXT / 3),
};

describe('wrapText on the longest accepted texts', () => {
  it.each(Object.entries(WORDS))('%s: at most the lines asked for, each bounded, ending in an ellipsis', (_name, text) => {
    for (const [width, lines] of [[150, 3], [80, 1], [4, 2]] as const) {
      const wrapped = wrapText(text, width, 13, lines);
      expect(wrapped.truncated).toBe(true);
      expect(wrapped.lines.length).toBeGreaterThan(0);
      expect(wrapped.lines.length).toBeLessThanOrEqual(lines);
      for (const line of wrapped.lines) {
        expect(Array.from(line).length).toBeLessThanOrEqual(201);
        // A single character wider than the box is the one thing allowed to overflow it.
        if (Array.from(line).length > 2) expect(textWidth(line, 13)).toBeLessThanOrEqual(width);
      }
      expect(wrapped.lines.at(-1)).toMatch(/…$/);
    }
  });

  it('never needs a deep stack (a word broken into 100,000 pieces once overflowed a small one)', () => {
    const script = `
      import { wrapText } from './core/diagram/index.ts';
      for (const width of [4, 0, -10]) wrapText('W'.repeat(${MAX_TEXT}), width, 13, 3);
      console.log('done');`;
    const run = spawnSync(process.execPath, ['--stack-size=400', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('done');
  });

  it('still wraps ordinary text as before', () => {
    expect(wrapText('Check the ticket and call the customer back', 120, 13, 3)).toEqual({
      lines: ['Check the ticket and', 'call the customer', 'back'],
      truncated: false,
    });
  });
});

describe('a process whose every text is as long as accepted', () => {
  let file = '';
  let processId = '';

  beforeAll(() => {
    file = path.join(tempDir(), 'long.shoshin');
    const store = EngagementStore.create(file, { name: 'Long', client: '' });
    store.command('seed', msg('undo.sample.load'), (tx) => {
      const process = createProcess(tx, { name: 'L'.repeat(MAX_NAME) });
      processId = process.id;
      const lane = createLane(tx, { processId: process.id, name: 'R'.repeat(MAX_NAME) });
      let previous: string | undefined;
      STEP_KINDS.forEach((kind, i) => {
        const { step } = addStep(tx, {
          processId: process.id,
          laneId: lane.id,
          kind,
          x: 40 + i * 200,
          y: 60,
          text: Object.values(WORDS)[i % Object.values(WORDS).length] ?? '',
          ...(previous ? { after: previous, label: 'F'.repeat(MAX_NAME) } : {}),
        });
        if (i === 0) addPainPoint(tx, { processId: process.id, targetKind: 'step', targetId: step.id, text: 'P'.repeat(MAX_TEXT) });
        previous = step.id;
      });
    });
    store.close();
  });

  afterAll(cleanTempDirs);

  it('draws as SVG of a bounded size', async () => {
    const store = EngagementStore.open(file, { readOnly: true });
    const view = processViewOf(store.db, processId);
    store.close();
    const { svg } = renderDiagram({ ...view, routes: await processRoutes(view) });
    expect(svg.length).toBeLessThan(200_000);
  });

  it.each(['svg', 'png', 'bpmn', 'docx'] as const)('exports as %s through shoshin export', async (format) => {
    const out = path.join(tempDir(), `long.${format}`);
    const err: string[] = [];
    const args = ['export', file, '--format', format, '--out', out, ...(format === 'docx' ? [] : ['--process', processId])];
    expect(await runCommand(args, { out: () => undefined, err: (line) => err.push(line) })).toBe(0);
    expect(err).toEqual([]);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
    if (format === 'bpmn') {
      const { rootElement } = await new BpmnModdle().fromXML(fs.readFileSync(out, 'utf8'));
      expect(JSON.stringify(rootElement)).toContain('W'.repeat(1000));
    }
  }, 120_000);
});
