import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProcessView } from '../../core/model';
import { processSummaries, processView as viewOf, sessionsOf, snapshotOf, type Snapshot } from '../../core/views';
import { openApp, screenshotPath, sharedHost, waitSaved } from './harness';

/**
 * Live capture, driven by the keyboard only (setup forms are typed into too). Typing never waits
 * for the editor or for "Saved": keys go in as fast as Playwright can send them, right after Enter.
 */

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The engagement as the app holds it, read through the same bridge the renderer uses. */
async function saved(page: Page): Promise<Snapshot> {
  const loaded = await page.evaluate(async () => {
    const result = await window.shoshin['engagement.load']({});
    if (!result.ok) throw new Error(result.error.message);
    return result.data;
  });
  return snapshotOf(loaded.records);
}

async function processView(page: Page, name: string): Promise<ProcessView> {
  const snapshot = await saved(page);
  const summary = processSummaries(snapshot).find((p) => p.name === name);
  const view = summary ? viewOf(snapshot, summary.id) : null;
  if (!view) throw new Error(`no process ${name}`);
  return view;
}

function describeView(view: ProcessView): { lanes: string[]; steps: [string, string, string][]; flows: string[] } {
  const lane = new Map(view.lanes.map((l) => [l.id, l.name]));
  const text = new Map(view.steps.map((s) => [s.id, s.text]));
  return {
    lanes: [...view.lanes].sort((a, b) => a.position - b.position).map((l) => l.name),
    steps: view.steps.map((s) => [s.laneId ? (lane.get(s.laneId) ?? '?') : 'none', s.kind, s.text]),
    flows: view.flows.map((f) => `${text.get(f.sourceId)} -> ${text.get(f.targetId)}${f.label ? ` [${f.label}]` : ''}`).sort(),
  };
}

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

/** Selects a step with Find (Mod+F), then gives the keyboard back to the canvas (Escape). */
async function findStep(page: Page, text: string): Promise<void> {
  await page.keyboard.press(`${MOD}+f`);
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

async function stepsAndFlows(page: Page, steps: number, flows: number): Promise<void> {
  await expect.poll(() => page.getByText(`${steps} steps · ${flows} flows`).count(), { timeout: 20_000 }).toBe(1);
}

describe('live capture in the browser host, keyboard only', () => {
  const env = sharedHost();

  it('captures a 20-step, 3-lane flow with a decision and two branches, moves a step between lanes, undoes, redoes and reloads', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('button', { name: '← Home' }).focus();
    await page.keyboard.press('Enter');
    await typeInto(page, 'Engagement name', 'Service desk discovery');
    await typeInto(page, 'Client', 'Northwind');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add process' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Password reset');
    await page.keyboard.press('Enter');
    // Typed at once, before the new process is even on screen: the keys wait for its canvas, none is lost.
    // The main line, typed straight through: every Enter both saves a step and opens the next.
    await page.keyboard.press('Enter');
    // "@" makes a lane; "Lane: text" only moves a step into a lane that exists (other colons stay text).
    const main = [
      '@Employee Notices they cannot log in',
      'Rings the service desk',
      '@Service desk: Answers the call',
      'Logs a ticket',
      'Asks security questions',
      'Identity verified?',
    ];
    for (const line of main) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    }
    // A question became a decision, so Enter asked for the branch label ("Yes" is offered).
    await page.getByRole('dialog', { name: 'Add a branch' }).waitFor();
    await page.keyboard.press('Enter');
    for (const [index, line] of ['@Engineer Resets the password in AD', 'Sends a temporary password', 'Employee: Logs in with it', 'Sets a new password', 'Service desk: Closes the ticket'].entries()) {
      await page.keyboard.type(line);
      await page.keyboard.press(index === 4 ? 'Escape' : 'Enter');
    }

    // The second branch: back to the decision, Shift+Enter, accept "No".
    await findStep(page, 'Identity verified');
    await page.keyboard.press('Shift+Enter');
    await page.getByRole('dialog', { name: 'Add a branch' }).waitFor();
    expect(await page.getByLabel(/Branch label/).inputValue()).toBe('No');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Asks for the line manager’s confirmation');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Employee: Gets the manager to call back');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Service desk: Records the confirmation');
    await page.keyboard.press('Escape');
    // …and join it back into the main line.
    await page.keyboard.press('j');
    await page.getByRole('dialog', { name: /Join/ }).waitFor();
    await page.keyboard.type('Resets the');
    await page.keyboard.press('Enter');

    // Six more after closing the ticket, the last one made an end with Alt+4.
    await findStep(page, 'Closes the ticket');
    await page.keyboard.press('Enter');
    const tail = ['Sends a satisfaction survey', 'Employee: Answers the survey', 'Service desk: Reviews the feedback', 'Updates the knowledge article', 'Files the ticket', 'Ticket closed'];
    for (const [index, line] of tail.entries()) {
      await page.keyboard.type(line);
      await page.keyboard.press(index === tail.length - 1 ? 'Escape' : 'Enter');
    }
    await page.keyboard.press('Alt+4');
    await stepsAndFlows(page, 20, 20);
    await waitSaved(page);

    const captured = describeView(await processView(page, 'Password reset'));
    expect(captured.lanes).toEqual(['Employee', 'Service desk', 'Engineer']);
    expect(captured.steps).toEqual([
      ['Employee', 'activity', 'Notices they cannot log in'],
      ['Employee', 'activity', 'Rings the service desk'],
      ['Service desk', 'activity', 'Answers the call'],
      ['Service desk', 'activity', 'Logs a ticket'],
      ['Service desk', 'activity', 'Asks security questions'],
      ['Service desk', 'decision', 'Identity verified?'],
      ['Engineer', 'activity', 'Resets the password in AD'],
      ['Engineer', 'activity', 'Sends a temporary password'],
      ['Employee', 'activity', 'Logs in with it'],
      ['Employee', 'activity', 'Sets a new password'],
      ['Service desk', 'activity', 'Closes the ticket'],
      ['Service desk', 'activity', 'Asks for the line manager’s confirmation'],
      ['Employee', 'activity', 'Gets the manager to call back'],
      ['Service desk', 'activity', 'Records the confirmation'],
      ['Service desk', 'activity', 'Sends a satisfaction survey'],
      ['Employee', 'activity', 'Answers the survey'],
      ['Service desk', 'activity', 'Reviews the feedback'],
      ['Service desk', 'activity', 'Updates the knowledge article'],
      ['Service desk', 'activity', 'Files the ticket'],
      ['Service desk', 'end', 'Ticket closed'],
    ]);
    expect(captured.flows).toEqual(
      [
        'Notices they cannot log in -> Rings the service desk',
        'Rings the service desk -> Answers the call',
        'Answers the call -> Logs a ticket',
        'Logs a ticket -> Asks security questions',
        'Asks security questions -> Identity verified?',
        'Identity verified? -> Resets the password in AD [Yes]',
        'Resets the password in AD -> Sends a temporary password',
        'Sends a temporary password -> Logs in with it',
        'Logs in with it -> Sets a new password',
        'Sets a new password -> Closes the ticket',
        'Identity verified? -> Asks for the line manager’s confirmation [No]',
        'Asks for the line manager’s confirmation -> Gets the manager to call back',
        'Gets the manager to call back -> Records the confirmation',
        'Records the confirmation -> Resets the password in AD',
        'Closes the ticket -> Sends a satisfaction survey',
        'Sends a satisfaction survey -> Answers the survey',
        'Answers the survey -> Reviews the feedback',
        'Reviews the feedback -> Updates the knowledge article',
        'Updates the knowledge article -> Files the ticket',
        'Files the ticket -> Ticket closed',
      ].sort(),
    );
    for (const name of ['Employee', 'Service desk', 'Engineer']) expect(await page.getByRole('button', { name: `Lane options: ${name}` }).count()).toBe(1);

    // Arrow keys walk the flow: nothing selected, Right picks the first step, Right again its successor.
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('complementary', { name: 'Step details' }).getByRole('heading', { name: /Rings the service desk/ }).count()).toBe(1);

    // Move a step to the lane above and back with undo and redo.
    await findStep(page, 'Sends a temporary');
    await page.keyboard.press('Alt+ArrowUp');
    await waitSaved(page);
    const laneOf = async (text: string) => describeView(await processView(page, 'Password reset')).steps.find((s) => s[2] === text)?.[0];
    await expect.poll(() => laneOf('Sends a temporary password')).toBe('Service desk');
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => laneOf('Sends a temporary password')).toBe('Engineer');
    await expect.poll(() => page.getByRole('button', { name: 'Redo', exact: true }).isEnabled()).toBe(true);
    await page.keyboard.press(`${MOD}+Shift+z`);
    await expect.poll(() => laneOf('Sends a temporary password')).toBe('Service desk');
    await waitSaved(page);

    // Reload: everything is there, and so is the undo history.
    await page.reload();
    await stepsAndFlows(page, 20, 20);
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await expect.poll(() => undo.isEnabled()).toBe(true);
    expect(await undo.getAttribute('title')).toBe('Undo Move step to “Service desk” (Ctrl+Z)');
    expect(describeView(await processView(page, 'Password reset'))).toEqual({ ...captured, steps: captured.steps.map((s) => (s[2] === 'Sends a temporary password' ? ['Service desk', s[1], s[2]] : s)) });
    await page.getByRole('application', { name: /Process canvas/ }).focus();
    await page.keyboard.press(`${MOD}+z`);
    await expect.poll(() => laneOf('Sends a temporary password')).toBe('Engineer');
    await waitSaved(page);

    // Tidy lays it out in one undoable command, every step still in its lane.
    const before = describeView(await processView(page, 'Password reset'));
    await page.keyboard.press(`${MOD}+Shift+l`);
    // ELK loads in its worker on first use, which takes a while on a busy machine.
    await expect.poll(() => undo.getAttribute('title'), { timeout: 20_000 }).toBe('Undo Tidy layout (Ctrl+Z)');
    await waitSaved(page);
    expect(describeView(await processView(page, 'Password reset'))).toEqual(before);
    await page.keyboard.press(`${MOD}+0`);
    await page.screenshot({ path: screenshotPath('capture-20-steps-fitted') });
    await page.keyboard.press('F5');
    await expect.poll(() => page.getByRole('button', { name: /Exit presenter/ }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('capture-20-steps-presenter') });
    await page.keyboard.press('F5');
    await expect.poll(() => page.getByRole('complementary', { name: 'Step details' }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('capture-20-steps') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never loses characters typed straight after Enter, even in a 300-step process', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('button', { name: 'Add process' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Big process');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Big process' }).count()).toBe(1);
    // Pasting lines onto the canvas opens type-to-map with them, for a look before anything is drawn.
    const canvas = page.getByRole('application', { name: /Process canvas/ });
    await canvas.focus();
    const lines = Array.from({ length: 300 }, (_, i) => `@${['Desk', 'Engineer', 'Supplier'][i % 3]}: step number ${i + 1}`).join('\n');
    await canvas.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, lines);
    const dialog = page.getByRole('dialog', { name: 'Type to map' });
    await dialog.waitFor();
    expect(await dialog.getByRole('status').textContent()).toBe('300 steps; new lanes: Desk, Engineer, Supplier.');
    await page.keyboard.press(`${MOD}+Enter`);
    await stepsAndFlows(page, 300, 299);
    await waitSaved(page);

    // The last mapped step is selected: type a chain of steps as fast as keys can be sent.
    const burst = ['Quick typing stays intact', 'Engineer: Second line also intact', 'Third, with punctuation; 9:30 (ok)!', 'Fourth'];
    for (const line of burst) {
      await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }
    await page.keyboard.press('Escape');
    await stepsAndFlows(page, 304, 303);
    await waitSaved(page);
    const texts = (await processView(page, 'Big process')).steps.slice(300).map((s) => s.text);
    expect(texts).toEqual(['Quick typing stays intact', 'Second line also intact', 'Third, with punctuation; 9:30 (ok)!', 'Fourth']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('maps ten typed lines in one undoable step, drills into a sub-process and back, and marks an open question', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('button', { name: 'Add process' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('New starter');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'New starter' }).count()).toBe(1);
    await page.getByRole('application', { name: /Process canvas/ }).focus();

    await page.keyboard.press(`${MOD}+i`);
    await page.getByRole('dialog', { name: 'Type to map' }).waitFor();
    const lines = [
      '@Hiring manager: Raises the new starter form',
      '@HR: Checks the contract is signed',
      'Contract signed?',
      'HR: Creates the employee record',
      '@IT: Creates the account',
      'IT: Orders a laptop',
      '@Facilities: Issues a building pass',
      'Facilities: Books a desk',
      'Hiring manager: Welcomes the starter',
      'IT: Hands over the laptop',
    ];
    await page.keyboard.type(lines.join('\n'));
    expect(await page.getByRole('dialog', { name: 'Type to map' }).getByRole('status').textContent()).toBe('10 steps; new lanes: Hiring manager, HR, IT, Facilities.');
    await page.keyboard.press(`${MOD}+Enter`);
    await stepsAndFlows(page, 10, 9);
    await waitSaved(page);
    const mapped = describeView(await processView(page, 'New starter'));
    expect(mapped.lanes).toEqual(['Hiring manager', 'HR', 'IT', 'Facilities']);
    expect(mapped.steps.map((s) => s[2])).toEqual(lines.map((l) => l.replace(/^[^:]+: /, '')));
    expect(mapped.steps[2]?.[1]).toBe('decision');
    // One undo takes the whole map away; redo brings it back.
    await page.keyboard.press(`${MOD}+z`);
    await stepsAndFlows(page, 0, 0);
    await expect.poll(() => page.getByRole('button', { name: 'Redo', exact: true }).isEnabled()).toBe(true);
    await page.keyboard.press(`${MOD}+Shift+z`);
    await stepsAndFlows(page, 10, 9);

    // Drill down: make "Orders a laptop" a sub-process (Alt+6), open it (Mod+Down), add a step, come back (Mod+Up).
    await findStep(page, 'Orders a laptop');
    await page.keyboard.press('Alt+6');
    await waitSaved(page);
    await expect.poll(() => page.getByRole('group', { name: 'Sub-process: Orders a laptop' }).count()).toBe(1);
    await page.keyboard.press(`${MOD}+ArrowDown`);
    await expect.poll(() => page.getByRole('heading', { name: 'Orders a laptop', level: 2 }).count()).toBe(1);
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
    // The details panel can show the step's own name as a heading a moment before the canvas switches; the breadcrumb is the proof.
    await expect.poll(() => crumbs.getByRole('button', { name: 'New starter' }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.keyboard.type('@IT: Picks a model from the catalogue');
    await page.keyboard.press('Escape');
    await stepsAndFlows(page, 1, 0);
    await waitSaved(page);
    await page.keyboard.press(`${MOD}+ArrowUp`);
    await expect.poll(() => page.getByRole('heading', { name: 'New starter', level: 2 }).count()).toBe(1);
    await expect.poll(() => page.getByRole('complementary', { name: 'Step details' }).getByRole('heading', { name: /Orders a laptop/ }).count()).toBe(1);
    expect((await processView(page, 'Orders a laptop')).steps.map((s) => s.text)).toEqual(['Picks a model from the catalogue']);

    // Lane options by keyboard (L on a step in the lane): rename, recolour, move up; one Save.
    await findStep(page, 'Creates the account');
    await page.keyboard.press('l');
    const laneDialog = page.getByRole('dialog', { name: 'Lane: IT' });
    await laneDialog.waitFor();
    await page.keyboard.press(`${MOD}+a`);
    await page.keyboard.type('IT service desk');
    await laneDialog.getByRole('radio', { name: 'Teal' }).focus();
    await page.keyboard.press('Space');
    await laneDialog.getByRole('button', { name: 'Move lane up' }).focus();
    await page.keyboard.press('Enter');
    await waitSaved(page);
    await laneDialog.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await waitSaved(page);
    const relaned = await processView(page, 'New starter');
    expect(describeView(relaned).lanes).toEqual(['Hiring manager', 'IT service desk', 'HR', 'Facilities']);
    expect(relaned.lanes.find((l) => l.name === 'IT service desk')?.color).toBe('#e5f3f6');

    // F2 renames; Enter just saves (no new step).
    await findStep(page, 'Books a desk');
    await page.keyboard.press('F2');
    await page.keyboard.type('Books a desk near the team');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    await expect.poll(() => page.getByRole('group', { name: 'Step: Books a desk near the team' }).count()).toBe(1);
    await stepsAndFlows(page, 10, 9);

    // Details: Alt+Enter goes to the panel; timings and a quote, typed.
    await page.keyboard.press('Alt+Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-details-first'))).toBe('true');
    const details = page.getByRole('complementary', { name: 'Step details' });
    expect(await details.getByLabel('Value class').count()).toBe(0);
    await typeInto(page, 'Work time', '10');
    await page.keyboard.press('Enter');
    await typeInto(page, 'Their exact words', 'We never know which floor they sit on.');
    await details.getByRole('button', { name: 'Add quote' }).focus();
    await page.keyboard.press('Enter');
    await waitSaved(page);
    const detailed = (await processView(page, 'New starter'));
    expect(detailed.steps.find((s) => s.text === 'Books a desk near the team')?.workMinutes).toBe(10);
    expect(detailed.quotes.map((q) => [q.text, q.personId])).toEqual([['We never know which floor they sit on.', null]]);
    // Analyse mode (M) shows the judgement fields beginner's mind hides.
    await page.getByRole('application', { name: /Process canvas/ }).focus();
    await page.keyboard.press('m');
    await expect.poll(() => details.getByLabel('Value class').count()).toBe(1);
    await page.keyboard.press('m');
    await expect.poll(() => details.getByLabel('Value class').count()).toBe(0);

    // A new session from the top bar: steps captured from now on record it.
    await page.getByLabel('Session', { exact: true }).selectOption({ label: 'New session…' });
    await page.getByRole('dialog', { name: 'New workshop session' }).waitFor();
    await page.keyboard.press('Enter');
    await waitSaved(page);
    await page.getByRole('application', { name: /Process canvas/ }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Shows the starter around');
    await page.keyboard.press('Escape');
    await waitSaved(page);
    const engagement = sessionsOf(await saved(page)).map((s) => ({ id: s.id, name: s.name }));
    expect(engagement.map((s) => s.name)).toEqual(['Workshop 1']);
    const withSession = await processView(page, 'New starter');
    expect(withSession.steps.find((s) => s.text === 'Shows the starter around')?.sessionId).toBe(engagement[0]?.id);
    // One undo takes back the step just typed (inserted after the selected step, which led on to another), text and all; the session added before it stays.
    await expect
      .poll(() => page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('title'))
      .toBe('Undo Insert step “Shows the starter around” (Ctrl+Z)');
    await page.keyboard.press(`${MOD}+z`);
    await stepsAndFlows(page, 10, 9);
    await expect.poll(() => page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('title')).toBe('Undo Add session “Workshop 1” (Ctrl+Z)');

    // An open question on the selected step: Q, type it, Enter.
    await findStep(page, 'Orders a laptop');
    await page.keyboard.press('q');
    await page.getByRole('dialog', { name: 'Open question' }).waitFor();
    await page.keyboard.type('Who approves the laptop budget?');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    const view = await processView(page, 'New starter');
    expect(view.questions).toMatchObject([{ text: 'Who approves the laptop budget?', status: 'open', stepId: view.steps.find((s) => s.text === 'Orders a laptop')?.id }]);
    expect(await page.getByRole('group', { name: 'Sub-process: Orders a laptop' }).getAttribute('aria-description')).toBe('1 open question');
    expect(await page.getByRole('complementary', { name: 'Step details' }).getByText('Who approves the laptop budget?').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every shortcut with ?, runs commands from the palette, and looks right on screen and in presenter view', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('button', { name: '← Home' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Open sample engagement' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('group', { name: /Ring the service desk/ }).count()).toBe(1);
    await page.getByRole('application', { name: /Process canvas/ }).focus();

    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    for (const title of ['Add the next step', 'Add a branch (from the decision)', 'Move the step to the lane above', 'Undo', 'Find in steps', 'Zoom to fit', 'Presenter view on or off']) {
      expect(await sheet.getByRole('row', { name: new RegExp(title.replace(/[()]/g, '\\$&')) }).count()).toBeGreaterThan(0);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);

    await page.keyboard.press(`${MOD}+k`);
    await page.getByRole('combobox', { name: 'Find a command' }).waitFor();
    await page.keyboard.type('tidy');
    expect(await page.getByRole('option', { name: /Tidy the layout/ }).textContent()).toContain('Ctrl+Shift+L');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    await expect.poll(() => page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('title')).toBe('Undo Tidy layout (Ctrl+Z)');
    await page.keyboard.press(`${MOD}+z`);
    await waitSaved(page);

    await page.screenshot({ path: screenshotPath('capture-sample') });
    await page.keyboard.press('F5');
    await expect.poll(() => page.getByRole('button', { name: /Exit presenter/ }).count()).toBe(1);
    expect(await page.getByRole('complementary', { name: 'Step details' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Processes' }).isVisible()).toBe(false);
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('capture-sample-presenter') });
    await page.keyboard.press('F5');
    await expect.poll(() => page.getByRole('complementary', { name: 'Step details' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
