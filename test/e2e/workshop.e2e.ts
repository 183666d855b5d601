import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProcessView } from '../../core/model';
import { processSummaries, processView as viewOf, snapshotOf } from '../../core/views';
import { openApp, screenshotPath, sharedHost, waitSaved } from './harness';

/**
 * One "show me what you do" session from first key to fitted map, as a consultant runs it in the
 * room: a new engagement, the main line typed straight after Add process (no pause, no click), a
 * decision with a loop back, an insert between, a lane move, a delete in the middle, a block of
 * times pasted into the table, and the whole process fitted on screen at the end.
 */

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const PROCESS = 'IT access request';

async function processView(page: Page): Promise<ProcessView> {
  const loaded = await page.evaluate(async () => {
    const result = await window.shoshin['engagement.load']({});
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  });
  const snapshot = snapshotOf(loaded.records);
  const summary = processSummaries(snapshot).find((p) => p.name === PROCESS);
  const view = summary ? viewOf(snapshot, summary.id) : null;
  if (!view) throw new Error(`no process ${PROCESS}`);
  return view;
}

/** Selects a step with Find, then gives the keyboard back to the canvas. */
async function findStep(page: Page, text: string): Promise<void> {
  await page.keyboard.press(`${MOD}+f`);
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

function laneOf(view: ProcessView, text: string): string | null {
  const step = view.steps.find((s) => s.text === text);
  return view.lanes.find((l) => l.id === step?.laneId)?.name ?? null;
}

describe('a workshop, start to finish, in the browser host', () => {
  const env = sharedHost();

  it('captures 25 steps in 4 lanes by keyboard, inserts, moves, deletes, pastes times and ends fitted', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByLabel('Engagement name').fill('Access request discovery');
    await page.getByLabel('Client').fill('Northwind Health');
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await page.getByRole('button', { name: 'Add process' }).click();
    await page.keyboard.type(PROCESS);
    await page.keyboard.press('Enter');

    // Typed at once: the first keys wait for the new process's canvas. "Role: text" moves a step
    // only into a lane that exists; "@" asks for a new one; other colons stay text.
    await page.keyboard.press('Enter');
    const lines = [
      '@Employee: Notices they need access to the finance share',
      'Fills in the access form on the intranet',
      'Pings #it_help: any update',
      '@Service desk: Picks up the ticket',
      'Form complete?',
    ];
    for (const line of lines) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    }
    // A question became a decision: Enter asked for the branch label and offers "Yes".
    await page.getByRole('dialog', { name: 'Add a branch' }).waitFor();
    await page.keyboard.press('Enter');
    const rest = [
      'Looks up the data owner',
      'Emails the data owner',
      '@Data owner: Reads the email',
      'Checks the role matrix',
      'Replies with approval',
      'Service desk: Updates the ticket',
      'Note: call back if the share is slow',
      'Assigns to infrastructure',
      '@Infrastructure: Creates the AD group membership',
      'Tests the access',
      'Closes the task',
      'Service desk: Emails the employee',
      'Closes the ticket',
      'Employee: Tries the share',
      'Reports it works',
      'Service desk: Confirms closure',
      'Files the approval evidence',
      'Archives the request',
      'Employee: Starts the month-end work',
    ];
    for (const [index, line] of rest.entries()) {
      await page.keyboard.type(line);
      await page.keyboard.press(index === rest.length - 1 ? 'Escape' : 'Enter');
    }
    await waitSaved(page);
    let view = await processView(page);
    expect(view.steps).toHaveLength(lines.length + rest.length);
    expect(view.lanes.map((l) => l.name)).toEqual(['Employee', 'Service desk', 'Data owner', 'Infrastructure']);
    expect(view.steps.map((s) => s.text)).toContain('Pings #it_help: any update');
    expect(laneOf(view, 'Note: call back if the share is slow')).toBe('Service desk');
    expect(view.steps.find((s) => s.text === 'Form complete?')?.kind).toBe('decision');

    // The "No" branch loops back to the form.
    await findStep(page, 'Form complete?');
    await page.keyboard.press('Shift+Enter');
    await page.getByRole('dialog', { name: 'Add a branch' }).waitFor();
    await page.getByLabel(/Branch label/).fill('No');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Employee: Corrects the form');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.getByRole('dialog', { name: /Join/ }).waitFor();
    await page.keyboard.type('Fills in the access');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    view = await processView(page);
    const id = (text: string) => view.steps.find((s) => s.text === text)?.id;
    expect(view.flows.some((f) => f.sourceId === id('Corrects the form') && f.targetId === id('Fills in the access form on the intranet'))).toBe(true);
    expect(view.flows.find((f) => f.sourceId === id('Form complete?') && f.targetId === id('Corrects the form'))?.label).toBe('No');

    // Insert between: Enter on a step with one way on puts the new step on that flow.
    await findStep(page, 'Checks the role matrix');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Asks finance for a budget code');
    await page.keyboard.press('Escape');
    await waitSaved(page);
    view = await processView(page);
    expect(view.flows.some((f) => f.sourceId === id('Checks the role matrix') && f.targetId === view.steps.find((s) => s.text === 'Asks finance for a budget code')?.id)).toBe(true);
    expect(view.flows.some((f) => f.sourceId === id('Checks the role matrix') && f.targetId === id('Replies with approval'))).toBe(false);

    // A lane move, then a delete in the middle.
    await findStep(page, 'Pings #it_help');
    await page.keyboard.press('Alt+ArrowDown');
    await findStep(page, 'Archives the request');
    await page.keyboard.press('Delete');
    await waitSaved(page);
    view = await processView(page);
    expect(laneOf(view, 'Pings #it_help: any update')).toBe('Service desk');
    expect(view.steps.some((s) => s.text === 'Archives the request')).toBe(false);
    expect(view.steps.length).toBeGreaterThanOrEqual(25);

    // Times from a spreadsheet, pasted into the table: System, Work time and Wait time of rows 2 to 4.
    await page.getByRole('tab', { name: 'Table' }).click();
    const grid = page.getByRole('grid', { name: `Steps of ${PROCESS}` });
    await grid.click();
    await page.keyboard.press(`${MOD}+Home`);
    await page.keyboard.press('ArrowDown');
    for (let c = 0; c < 3; c++) await page.keyboard.press('ArrowRight');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Intranet\t10 min\t2 days\r\nEmail\t5\t1h 30m\r\nServiceNow\t1.5h\t1d 4h\r\n');
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.getByText('Pasted 3 × 3 cells.').waitFor();
    await waitSaved(page);
    view = await processView(page);
    expect(
      view.steps
        .filter((s) => ['Intranet', 'Email', 'ServiceNow'].includes(s.system))
        .map((s) => [s.workMinutes, s.waitMinutes])
        .sort(),
    ).toEqual(
      [
        [10, 2880],
        [5, 90],
        [90, 1680],
      ].sort(),
    );
    await page.screenshot({ path: screenshotPath('workshop-table') });

    // Back on the map, the whole process fitted: every step inside the pane.
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.getByRole('application', { name: /Process canvas/ }).focus();
    await page.keyboard.press('Shift+1');
    const pane = page.getByRole('application', { name: /Process canvas/ });
    await expect
      .poll(async () => {
        const area = await pane.boundingBox();
        const boxes = await page.locator('.react-flow__node-step').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, right: r.right, bottom: r.bottom })));
        if (!area || boxes.length < view.steps.length) return `only ${boxes.length} steps drawn`;
        const outside = boxes.filter((b) => b.x < area.x - 1 || b.y < area.y - 1 || b.right > area.x + area.width + 1 || b.bottom > area.y + area.height + 1);
        return outside.length === 0 ? 'all inside' : `${outside.length} outside`;
      })
      .toBe('all inside');
    await page.screenshot({ path: screenshotPath('workshop-fitted') });

    // Reopened, nothing is lost.
    const before = await processView(page);
    await page.reload();
    await page.getByRole('application', { name: /Process canvas/ }).waitFor();
    expect((await processView(page)).steps).toEqual(before.steps);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says when typed text made a lane, and its Undo takes back just the lane', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('application', { name: /Process canvas/ }).focus();
    await findStep(page, 'Starts the month-end work');
    await page.keyboard.press('Enter');
    await page.keyboard.type('@Approver: Signs off the exception');
    await page.keyboard.press('Escape');
    const notice = page.getByRole('status').filter({ hasText: 'New lane “Approver”, made from what you typed.' });
    await notice.waitFor();
    await waitSaved(page);
    expect(laneOf(await processView(page), 'Signs off the exception')).toBe('Approver');
    await notice.getByRole('button', { name: 'Undo new lane' }).click();
    await waitSaved(page);
    const view = await processView(page);
    expect(view.lanes.map((l) => l.name)).not.toContain('Approver');
    expect(view.steps.some((s) => s.text === 'Signs off the exception')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
