import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProcessView, Step } from '../../core/model';
import { processSummaries, processView as viewOf, snapshotOf } from '../../core/views';
import { openApp, requestsDuring as requestsOf, screenshotPath, sharedHost, waitSaved } from './harness';

/**
 * The table of steps beside the map: a spreadsheet for the numbers, driven from the keyboard,
 * taking blocks pasted from Excel or Calc through the same commands and undo as the canvas.
 */

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const PROCESS = 'Password reset';

/** The process as the app holds it, read through the same bridge the renderer uses. */
async function processView(page: Page, name = PROCESS): Promise<ProcessView> {
  const loaded = await page.evaluate(async () => {
    const result = await window.shoshin['engagement.load']({});
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  });
  const snapshot = snapshotOf(loaded.records);
  const summary = processSummaries(snapshot).find((p) => p.name === name);
  const view = summary ? viewOf(snapshot, summary.id) : null;
  if (!view) throw new Error(`no process ${name}`);
  return view;
}

async function stepNamed(page: Page, text: string): Promise<Step> {
  const step = (await processView(page)).steps.find((s) => s.text === text);
  if (!step) throw new Error(`no step “${text}”`);
  return step;
}

async function openSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: '← Home' }).click();
  await page.getByRole('button', { name: 'Open sample engagement' }).click();
  await page.getByRole('application', { name: /Process canvas/ }).waitFor();
  // Let the start-up reads (and the first snapshot check) finish before anything is counted.
  await page.waitForLoadState('networkidle');
}

const grid = (page: Page): Locator => page.getByRole('grid', { name: `Steps of ${PROCESS}` });

/** Where the keyboard is in the grid: 1-based row and column as the grid announces them (the header is row 1, the row numbers column 1). */
async function activeCell(page: Page): Promise<{ row: number; col: number; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const cell = el?.closest('[role="gridcell"]');
    const row = cell?.closest('[role="row"]');
    return {
      row: Number(row?.getAttribute('aria-rowindex') ?? -1),
      col: Number(cell?.getAttribute('aria-colindex') ?? -1),
      text: (cell?.textContent ?? '').trim(),
    };
  });
}

/** The text of the cell at a data row (1 = first step) and column name. */
async function cell(page: Page, row: number, column: string): Promise<string> {
  return page.evaluate(
    ({ row, column }) => {
      const headers = [...document.querySelectorAll('[role="grid"] [role="columnheader"]')];
      const col = headers.findIndex((h) => h.textContent?.trim().toLowerCase() === column.toLowerCase()) + 1;
      const el = document.querySelector(`[role="grid"] [role="row"][aria-rowindex="${row + 1}"] [role="gridcell"][aria-colindex="${col}"]`);
      return (el?.textContent ?? '').trim();
    },
    { row, column },
  );
}

/** Puts the keyboard on a cell: Ctrl+Home, then arrows (the grid's own keys, nothing else). */
async function goTo(page: Page, row: number, col: number): Promise<void> {
  await page.keyboard.press(`${MOD}+Home`);
  for (let r = 1; r < row; r++) await page.keyboard.press('ArrowDown');
  for (let c = 0; c < col; c++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => activeCell(page)).toMatchObject({ row: row + 1, col: col + 2 });
}

/** What Excel or LibreOffice Calc puts on the clipboard, pasted where the keyboard is. */
async function pasteBlock(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The API methods an edit in the table sends (the menu mirror and the snapshot status poll aside). */
const requestsDuring = (page: Page, act: () => Promise<void>): Promise<string[]> => requestsOf(page, act, ['shell.setCommands', 'snapshot.list']);

describe('the table of steps', () => {
  const env = sharedHost();

  it('is reached from the tab bar and its shortcut, and moves and edits from the keyboard like a spreadsheet', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);

    // The shortcut is in the one registry: the palette finds it with its keys, the ? sheet lists it.
    const canvas = page.getByRole('application', { name: /Process canvas/ });
    await canvas.focus();
    await page.keyboard.press(`${MOD}+k`);
    await page.keyboard.type('show table');
    const option = page.getByRole('dialog', { name: 'Command palette' }).getByRole('option', { name: /Show Table/ });
    await expect.poll(() => option.count()).toBe(1);
    expect(await option.textContent()).toContain('Alt+2');
    await page.keyboard.press('Escape');
    await canvas.focus();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await sheet.getByRole('row', { name: /Show Table/ }).textContent()).toContain('Alt+2');
    await page.keyboard.press('Escape');
    await canvas.focus();
    await page.keyboard.press(`${MOD}+Alt+2`);
    await grid(page).waitFor();
    await expect.poll(() => page.getByRole('tab', { name: 'Table', selected: true }).count()).toBe(1);
    expect(await grid(page).getAttribute('aria-rowcount')).toBe(String(23 + 2));
    expect(await grid(page).getAttribute('aria-colcount')).toBe('8');
    expect(await grid(page).getByRole('columnheader').allTextContents()).toEqual(['#', 'Lane', 'Step', 'Kind', 'System', 'Work time', 'Wait time', 'Volume']);
    // The keyboard is on the first step's words, in flow order.
    await expect.poll(() => activeCell(page)).toEqual({ row: 2, col: 3, text: 'Can\'t log in' });

    // Arrows, Tab and Shift+Tab.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => activeCell(page)).toEqual({ row: 4, col: 3, text: 'Wait in the call queue' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => activeCell(page)).toMatchObject({ row: 4, col: 5, text: 'Phone system' });
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => activeCell(page)).toMatchObject({ row: 4, col: 4, text: 'Wait' });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => activeCell(page)).toMatchObject({ row: 3, col: 3, text: 'Ring the service desk' });

    // F2 keeps the words and puts the caret at the end; Enter commits and moves down.
    expect(
      await requestsDuring(page, async () => {
        await page.keyboard.press('F2');
        await page.keyboard.type(' or the chat');
        await page.keyboard.press('Enter');
      }),
    ).toEqual(['step.update']);
    await expect.poll(() => activeCell(page)).toMatchObject({ row: 4, col: 3 });
    expect((await stepNamed(page, 'Ring the service desk or the chat')).kind).toBe('activity');

    // Typing replaces; Escape cancels and sends nothing.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('Genesys');
    await page.keyboard.press('Escape');
    await expect.poll(() => activeCell(page)).toMatchObject({ row: 4, col: 5, text: 'Phone system' });
    await page.keyboard.type('Genesys queue');
    await page.keyboard.press('Tab');
    await waitSaved(page);
    await expect.poll(() => activeCell(page)).toMatchObject({ row: 4, col: 6 });
    expect((await stepNamed(page, 'Wait in the call queue')).system).toBe('Genesys queue');

    // Choices: type a few letters of a lane or kind, Enter takes the first match.
    await page.keyboard.press(`${MOD}+ArrowLeft`);
    await page.keyboard.type('emp');
    await expect.poll(() => page.getByRole('option', { name: 'Employee', selected: true }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await waitSaved(page);
    const queue = await processView(page);
    const employee = queue.lanes.find((l) => l.name === 'Employee');
    expect(queue.steps.find((s) => s.text === 'Wait in the call queue')?.laneId).toBe(employee?.id);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('d');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    expect((await stepNamed(page, 'Log the call')).kind).toBe('decision');
    // Delete clears a cell (a step's kind cannot be cleared, and says so).
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByText('Every step has a kind').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Delete');
    await waitSaved(page);
    expect((await stepNamed(page, 'Log the call')).system).toBe('');

    // Every accepted way of writing a time, one per row in the Work time column; 2 days of work is 16 working hours.
    const forms: [string, number, string][] = [
      ['90', 90, '1 h 30 min'],
      ['90 min', 90, '1 h 30 min'],
      ['1.5h', 90, '1 h 30 min'],
      ['1h 30m', 90, '1 h 30 min'],
      ['2 days', 960, '16 h'],
      ['1d 4h', 720, '12 h'],
      ['1 h', 60, '1 h'],
      ['45m', 45, '45 min'],
      ['0.5 d', 240, '4 h'],
      ['1,5h', 90, '1 h 30 min'],
      ['1:30', 90, '1 h 30 min'],
    ];
    await goTo(page, 1, 4);
    for (const [typed] of forms) {
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
    }
    await waitSaved(page);
    const timed = await processView(page);
    const texts: string[] = [];
    for (let row = 1; row <= forms.length; row++) texts.push(await cell(page, row, 'Step'));
    for (const [i, [typed, minutes, shown]] of forms.entries()) {
      expect(timed.steps.find((s) => s.text === texts[i])?.workMinutes, typed).toBe(minutes);
      expect(await cell(page, i + 1, 'Work time'), typed).toBe(shown);
    }
    // A day of waiting is a calendar day.
    await goTo(page, 3, 5);
    await page.keyboard.type('2 days');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    expect((await stepNamed(page, 'Wait in the call queue')).waitMinutes).toBe(2880);
    expect(await cell(page, 3, 'Wait time')).toBe('2 d');

    // Text that is not a time is shown as invalid, with the reason, and never swapped for the old value.
    await page.keyboard.type('soon');
    const editor = page.getByRole('textbox', { name: 'Wait time, row 4' });
    expect(
      await requestsDuring(page, async () => {
        await page.keyboard.press('Enter');
        await expect.poll(() => editor.getAttribute('aria-invalid')).toBe('true');
        await page.keyboard.press('Tab');
      }),
    ).toEqual([]);
    expect(await editor.inputValue()).toBe('soon');
    expect(await grid(page).getByRole('alert').textContent()).toBe('“soon” is not a time. Try 90, 1h 30m, 1.5h or 2 days.');
    await page.screenshot({ path: screenshotPath('grid-invalid-time') });
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await expect.poll(() => activeCell(page)).toMatchObject({ row: 5, col: 7, text: '0 min' });

    // The map shows the changes, and selects the step the table was on.
    await page.keyboard.press(`${MOD}+Alt+1`);
    await page.getByRole('group', { name: 'Step: Ring the service desk or the chat' }).waitFor();
    const panel = page.getByRole('complementary', { name: 'Step details' });
    await panel.getByRole('heading', { name: /Log the call/ }).waitFor();

    // The step panel reads times with the same parser: "2 days" of waiting is two calendar days…
    const wait = panel.getByLabel('Wait time', { exact: true });
    expect(await wait.inputValue()).toBe('0 min');
    await wait.fill('2 days');
    await wait.press('Enter');
    await waitSaved(page);
    await expect.poll(() => wait.inputValue()).toBe('2 d');
    expect((await stepNamed(page, 'Log the call')).waitMinutes).toBe(2880);
    // …and what it cannot read stays, marked invalid with the reason, never swapped for the old value.
    expect(
      await requestsDuring(page, async () => {
        await wait.fill('3 months');
        await wait.press('Enter');
        await expect.poll(() => wait.getAttribute('aria-invalid')).toBe('true');
        await wait.press('Tab');
        await page.getByLabel('Volume or frequency').fill('12 a day');
        await page.getByLabel('Volume or frequency').press('Enter');
      }),
    ).toEqual(['step.update']);
    expect(await wait.inputValue()).toBe('3 months');
    expect(await wait.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.getByRole('alert').textContent()).toBe('“months” is not a unit Shoshin knows. Use minutes, hours, days or weeks (months differ in length).');
    expect((await stepNamed(page, 'Log the call')).waitMinutes).toBe(2880);
    await page.screenshot({ path: screenshotPath('grid-step-panel-invalid-time') });
    await wait.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => wait.inputValue()).toBe('2 d');
    expect(await wait.getAttribute('aria-invalid')).toBeNull();

    // Reload keeps everything.
    await page.reload();
    await page.getByRole('tab', { name: 'Table' }).click();
    await grid(page).waitFor();
    expect(await cell(page, 2, 'Step')).toBe('Ring the service desk or the chat');
    expect(await cell(page, 3, 'System')).toBe('Genesys queue');
    expect(await cell(page, 3, 'Lane')).toBe('Employee');
    expect(await cell(page, 3, 'Wait time')).toBe('2 d');
    expect(await cell(page, 5, 'Work time')).toBe('16 h');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes a block pasted from a spreadsheet as one command and one undo, and adds rows beyond the last as steps', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);
    await page.getByRole('tab', { name: 'Table' }).click();
    await grid(page).click();
    const before = await processView(page);

    // Excel: CRLF rows, a quoted cell with a line break; System, Work time, Wait time, Volume for rows 2 to 4.
    await goTo(page, 2, 3);
    const shownBefore = await cell(page, 4, 'Wait time');
    const block = 'Teams\t5 min\t1h\t"About 70\r\na week"\r\nGenesys\t0\t20m\t\r\nServiceNow\t1.5h\t1d 4h\t12 a day\r\n';
    expect(await requestsDuring(page, () => pasteBlock(page, block))).toEqual(['steps.patch']);
    const pasted = await processView(page);
    const rows = [await cell(page, 2, 'Step'), await cell(page, 3, 'Step'), await cell(page, 4, 'Step')];
    expect(rows.map((text) => pasted.steps.find((s) => s.text === text)).map((s) => [s?.system, s?.workMinutes, s?.waitMinutes, s?.volume])).toEqual([
      ['Teams', 5, 60, 'About 70 a week'],
      ['Genesys', 0, 20, ''],
      ['ServiceNow', 90, 1680, '12 a day'],
    ]);
    expect(await page.getByText('Pasted 3 × 4 cells.').count()).toBe(1);
    expect(await cell(page, 4, 'Wait time')).toBe('1 d 4 h');
    // The pasted block stays selected; copying it gives a spreadsheet the same cells back, times as shown.
    const copied = await page.evaluate(() => {
      const data = new DataTransfer();
      document.activeElement?.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    expect(copied).toBe('Teams\t5 min\t1 h\tAbout 70 a week\r\nGenesys\t0 min\t20 min\t\r\nServiceNow\t1 h 30 min\t1 d 4 h\t12 a day');

    // One undo entry takes all of it back, from the grid's own keyboard.
    expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toMatch(/Edit 3 steps/);
    expect(await requestsDuring(page, () => page.keyboard.press(`${MOD}+z`))).toEqual(['history.undo']);
    expect((await processView(page)).steps).toEqual(before.steps);
    expect(await cell(page, 4, 'Wait time')).toBe(shownBefore);
    expect(await requestsDuring(page, () => page.keyboard.press(`${MOD}+Shift+z`))).toEqual(['history.redo']);
    expect((await processView(page)).steps).toEqual(pasted.steps);

    // A block with a cell that is not a time changes nothing and says which cell.
    await goTo(page, 3, 3);
    expect(
      await requestsDuring(page, async () => {
        await pasteBlock(page, 'Phone\t10\r\nPhone\tsoon\r\n');
        await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Nothing was pasted' }).count()).toBe(1);
        await page.keyboard.press(`${MOD}+z`);
        await page.keyboard.press(`${MOD}+Shift+z`);
      }),
    ).toEqual(['history.undo', 'history.redo']);
    expect(await page.getByRole('alert').filter({ hasText: 'Nothing was pasted' }).textContent()).toBe(
      'Nothing was pasted. Row 4, Work time: “soon” is not a time. Try 90, 1h 30m, 1.5h or 2 days.',
    );

    // Rows beyond the last step become new steps, in order after it, lanes by name (Calc: LF rows).
    await page.keyboard.press(`${MOD}+End`);
    await page.keyboard.press('Home');
    await expect.poll(() => activeCell(page)).toMatchObject({ row: 25, col: 2 });
    expect(await requestsDuring(page, () => pasteBlock(page, 'Service desk\tSends the survey\tActivity\tServiceNow\t2\nEmployee\tConfirms it works\t\t\t1 min\n'))).toEqual(['steps.patch']);
    const grown = await processView(page);
    expect(grown.steps).toHaveLength(25);
    const close = grown.steps.find((s) => s.text === 'Sends the survey');
    const confirm = grown.steps.find((s) => s.text === 'Confirms it works');
    expect(close).toMatchObject({ kind: 'activity', system: 'ServiceNow', workMinutes: 2, laneId: grown.lanes.find((l) => l.name === 'Service desk')?.id });
    expect(confirm).toMatchObject({ workMinutes: 1, laneId: grown.lanes.find((l) => l.name === 'Employee')?.id });
    expect(grown.flows.some((f) => f.sourceId === close?.id && f.targetId === confirm?.id)).toBe(true);
    expect(grown.flows.some((f) => f.targetId === close?.id)).toBe(true);

    // The typed blank row adds a step too.
    await page.keyboard.press(`${MOD}+End`);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('Closes the chat');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    await expect.poll(async () => (await processView(page)).steps.some((s) => s.text === 'Closes the chat')).toBe(true);
    await expect.poll(() => activeCell(page)).toMatchObject({ row: 28, col: 3 });

    // The map draws the new steps; a reload keeps them.
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.getByRole('group', { name: 'Step: Sends the survey' }).waitFor();
    await page.reload();
    await page.getByRole('tab', { name: 'Table' }).click();
    await grid(page).waitFor();
    expect(await grid(page).getAttribute('aria-rowcount')).toBe(String(26 + 2));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays light on a 320-step process: only the rows on screen are drawn, and the keyboard reaches the last one', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);
    await page.evaluate(async () => {
      const created = await window.shoshin['process.create']({ name: 'Big process' });
      if (!created.ok) throw new Error(created.error.message);
      const lines = Array.from({ length: 320 }, (_, i) => `@${['Desk', 'Field', 'Vendor'][i % 3]}: Step number ${i + 1}`).join('\n');
      const mapped = await window.shoshin['process.mapText']({ processId: created.data.process.id, text: lines });
      if (!mapped.ok) throw new Error(mapped.error.message);
    });
    await page.reload();
    await page.getByRole('navigation', { name: 'Processes' }).getByRole('button', { name: /^Big process/ }).click();
    await page.getByRole('tab', { name: 'Table' }).click();
    const big = page.getByRole('grid', { name: 'Steps of Big process' });
    await big.waitFor();
    expect(await big.getAttribute('aria-rowcount')).toBe(String(320 + 2));
    expect(await big.getByRole('row').count()).toBeLessThan(60);
    await big.getByRole('gridcell').first().click();
    await page.keyboard.press(`${MOD}+End`);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => activeCell(page)).toMatchObject({ row: 321, text: '' });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => activeCell(page)).toMatchObject({ row: 321, col: 3, text: 'Step number 320' });
    expect(await big.getByRole('row').count()).toBeLessThan(60);
    // One pasted column down the whole process is one command.
    await goTo(page, 1, 4);
    const column = Array.from({ length: 320 }, (_, i) => `${i + 1} min`).join('\r\n');
    expect(await requestsDuring(page, () => pasteBlock(page, column))).toEqual(['steps.patch']);
    const view = await processView(page, 'Big process');
    expect(view.steps.find((s) => s.text === 'Step number 320')?.workMinutes).toBe(320);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('looks right at projector and laptop sizes, light and dark', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByRole('tab', { name: 'Table' }).click();
    await grid(page).getByRole('gridcell').first().click();
    await goTo(page, 4, 2);
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate((theme) => (document.documentElement.dataset['theme'] = theme), theme);
        // Nothing on the page scrolls sideways; the table fits its columns.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        const scroller = grid(page).locator('xpath=..');
        expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
        await page.screenshot({ path: screenshotPath(`grid-${width}x${height}-${theme}`) });
      }
    }
    // A choice open, for the record.
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    await page.screenshot({ path: screenshotPath('grid-1440x900-dark-choice') });
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await page.close();
  });
});
