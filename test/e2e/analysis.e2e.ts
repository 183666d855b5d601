import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshotPath, sharedHost, waitSaved } from './harness';

/**
 * Pain points, dot voting, the register, opportunities and stakeholders, end to end in the real
 * browser host, mostly from the keyboard as a facilitator would in the room.
 */
describe('analysis: pain points to opportunities', () => {
  const env = sharedHost();

  const dialog = (page: Page, name: string | RegExp): Locator => page.getByRole('dialog', { name });

  async function tab(page: Page, name: string): Promise<void> {
    await page.getByRole('tab', { name }).click();
    await expect.poll(() => page.getByRole('tab', { name, selected: true }).count()).toBe(1);
  }

  async function addStakeholder(page: Page, name: string, role: string, influence: string, commitment: string): Promise<void> {
    await page.getByRole('button', { name: 'Add stakeholder' }).click();
    const d = dialog(page, 'Add stakeholder');
    await d.getByLabel('Name', { exact: true }).fill(name);
    await d.getByLabel('Role', { exact: true }).fill(role);
    await d.getByLabel('Influence').selectOption(influence);
    await d.getByLabel('Commitment').selectOption(commitment);
    await d.getByRole('button', { name: 'Add stakeholder' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Stakeholder register' }).getByRole('rowheader', { name: new RegExp(`^${name}`) }).count()).toBe(1);
  }

  async function capturePain(page: Page, words: string, raisedBy: string, pinnedTo: RegExp): Promise<void> {
    await page.keyboard.press('p');
    const d = dialog(page, 'Add pain point');
    await d.waitFor();
    // Beginner's mind: no judgement fields while capturing.
    expect(await d.getByLabel('Waste type').count()).toBe(0);
    await expect.poll(async () => (await d.getByLabel('Pinned to').locator('option:checked').textContent()) ?? '').toMatch(pinnedTo);
    await d.getByLabel('In their own words').fill(words);
    await d.getByLabel('Raised by').selectOption({ label: raisedBy });
    await d.getByLabel('In their own words').press('Enter');
    await d.waitFor({ state: 'detached' });
    await waitSaved(page);
  }

  async function registerTexts(page: Page): Promise<string[]> {
    const rows = page.getByRole('table', { name: 'Pain-point register' }).locator('tbody').getByRole('row');
    const texts: string[] = [];
    for (const row of await rows.all()) texts.push((await row.getByRole('cell').nth(2).getByRole('button').textContent()) ?? '');
    return texts;
  }

  /** Picks the voter with their number key, then gives dots with Enter on the focused pain point, one save at a time. */
  async function giveDots(page: Page, voterKey: string, voter: string, painNumber: number, dots: number, usedAfter: number): Promise<void> {
    await page.keyboard.press(voterKey);
    await expect.poll(() => page.getByRole('radio', { name: new RegExp(voter), checked: true }).count()).toBe(1);
    await page.getByRole('button', { name: new RegExp(`^Give a dot to pain point ${painNumber} of`) }).focus();
    for (let used = usedAfter - dots + 1; used <= usedAfter; used++) {
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('radio', { name: new RegExp(`${voter}.*${used} of 3 dots used`) }).count()).toBe(1);
    }
  }

  it('captures, classifies, votes, ranks, turns pain points into an opportunity, and keeps it all after a reload', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByLabel('Engagement name').fill('Password reset discovery');
    await page.getByLabel('Client').fill('Northwind Health');
    await page.getByRole('button', { name: 'Create engagement' }).click();

    // Stakeholders first: the people who will be in the room.
    await tab(page, 'People');
    await addStakeholder(page, 'Raj Patel', 'Service desk lead', '4', '5');
    await addStakeholder(page, 'Sue Barker', 'Analyst', '2', '3');
    await addStakeholder(page, 'Mark Holloway', 'Desktop support', '4', '2');
    const map = page.getByRole('table', { name: 'Influence by commitment map' });
    await expect.poll(() => map.getByRole('cell', { name: 'Influence 4, commitment 2' }).getByRole('button', { name: 'Mark Holloway' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Add session' }).click();
    const session = dialog(page, 'Add session');
    await session.getByLabel('Session name').fill('Playback and dot vote');
    for (const name of ['Raj Patel', 'Sue Barker', 'Mark Holloway']) await session.getByRole('checkbox', { name: new RegExp(name) }).check();
    await session.getByRole('button', { name: 'Add session' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Edit session Playback and dot vote' }).count()).toBe(1);

    // A small process to pin pain points on.
    await tab(page, 'Map');
    await page.getByRole('button', { name: 'Add process' }).click();
    await page.getByLabel('Process name').fill('Password reset');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Password reset' }).count()).toBe(1);
    await page.getByRole('application', { name: /Process canvas/ }).focus();
    await page.keyboard.press('Enter');
    for (const [i, text] of ['Ring the service desk', 'Log the call'].entries()) {
      const editor = page.getByRole('textbox', { name: 'Step text' });
      await editor.waitFor();
      await editor.fill(text);
      await page.keyboard.press(i === 0 ? 'Enter' : 'Escape');
      await waitSaved(page);
    }

    // Three pain points in capture mode, with the quick-capture key.
    await page.getByRole('group', { name: 'Step: Ring the service desk' }).click();
    await capturePain(page, 'Forty minutes in the queue on Mondays', 'Sue Barker, Analyst', /Step: Ring the service desk/);
    await page.getByRole('group', { name: 'Step: Log the call' }).click();
    await capturePain(page, 'Security questions nobody remembers', 'Raj Patel, Service desk lead', /Step: Log the call/);
    await page.getByRole('application', { name: /Process canvas/ }).focus();
    await page.keyboard.press('Escape');
    await capturePain(page, 'Nobody owns the reset end to end', 'Mark Holloway, Desktop support', /Whole process/);
    expect(await page.getByRole('group', { name: 'Whole process: pain points 3' }).count()).toBe(1);

    // Classify them in Analyse mode.
    await page.keyboard.press('m');
    await expect.poll(() => page.getByRole('button', { name: 'Analyse', pressed: true }).count()).toBe(1);
    await tab(page, 'Pain points');
    const classes: [number, string, string, string, string][] = [
      [1, 'Queue', 'Process', '4', 'Weekly'],
      [2, 'Defect / rework', 'Products', '3', 'Daily'],
      [3, 'Handoff', 'People', '5', 'Constant'],
    ];
    for (const [n, waste, fourP, severity, frequency] of classes) {
      await page.getByRole('button', { name: `Edit pain point ${n} of Password reset` }).click();
      const d = dialog(page, `Pain point ${n} · Password reset`);
      await d.getByLabel('Waste type').selectOption({ label: waste });
      await d.getByLabel('Four Ps').selectOption({ label: fourP });
      await d.getByLabel('Severity').selectOption(severity);
      await d.getByLabel('Frequency').selectOption({ label: frequency });
      await d.getByRole('button', { name: 'Save' }).click();
      await d.waitFor({ state: 'detached' });
      await waitSaved(page);
    }
    const register = page.getByRole('table', { name: 'Pain-point register' });
    await expect.poll(() => register.getByRole('row', { name: /Forty minutes.*Queue.*Process.*4.*Weekly/ }).count()).toBe(1);

    // A dot vote with three participants, three dots each, given from the keyboard.
    await tab(page, 'Vote');
    await page.getByLabel('Dots per participant').fill('3');
    await page.getByRole('button', { name: 'Start vote' }).click();
    await page.getByRole('radiogroup', { name: 'Who is voting' }).waitFor();
    await giveDots(page, '1', 'Raj Patel', 2, 2, 2);
    await giveDots(page, '1', 'Raj Patel', 3, 1, 3);
    await giveDots(page, '2', 'Sue Barker', 2, 1, 1);
    await giveDots(page, '2', 'Sue Barker', 1, 2, 3);
    await giveDots(page, '3', 'Mark Holloway', 3, 3, 3);
    // A fourth dot is refused: Mark has none left.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('radio', { name: /Mark Holloway.*3 of 3 dots used/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Reveal ranking' }).click();
    const ranking = page.getByRole('list', { name: 'Pain points by votes' });
    await expect.poll(() => ranking.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^1.*Nobody owns the reset.*4 votes$/),
      expect.stringMatching(/^2.*Security questions.*3 votes$/),
      expect.stringMatching(/^3.*Forty minutes.*2 votes$/),
    ]);
    await page.screenshot({ path: screenshotPath('analysis-vote-ranking') });

    // The register, sorted by votes.
    await tab(page, 'Pain points');
    await register.getByRole('button', { name: 'Votes' }).click();
    await expect.poll(() => register.getByRole('columnheader', { name: 'Votes' }).getAttribute('aria-sort')).toBe('descending');
    expect(await registerTexts(page)).toEqual(['Nobody owns the reset end to end', 'Security questions nobody remembers', 'Forty minutes in the queue on Mondays']);

    // An opportunity from two of them.
    await register.getByRole('checkbox', { name: 'Pick pain point 3 of Password reset' }).check();
    await register.getByRole('checkbox', { name: 'Pick pain point 2 of Password reset' }).check();
    await page.getByRole('button', { name: 'Create opportunity from 2' }).click();
    const opportunity = dialog(page, 'New opportunity');
    await opportunity.getByLabel('Title').fill('Self-service reset with an owner');
    await opportunity.getByLabel('Impact').selectOption('5');
    await opportunity.getByLabel('Effort').selectOption('2');
    await opportunity.getByLabel('Horizon').selectOption({ label: 'Quick win' });
    await opportunity.getByLabel('Owner').fill('Raj Patel');
    await opportunity.getByRole('button', { name: 'Create opportunity' }).click();
    await opportunity.waitFor({ state: 'detached' });
    await waitSaved(page);

    const checkEverything = async () => {
      await tab(page, 'Opportunities');
      const opportunities = page.getByRole('table', { name: 'Opportunities' });
      await expect.poll(() => opportunities.getByRole('row', { name: /Self-service reset with an owner.*Password reset 2 3.*5.*2.*Quick win.*Raj Patel/ }).count()).toBe(1);
      const matrix = page.getByRole('table', { name: 'Impact and effort matrix' });
      expect(await matrix.getByRole('cell', { name: 'Impact 5, effort 2' }).getByRole('button', { name: 'Self-service reset with an owner' }).count()).toBe(1);

      await tab(page, 'Pain points');
      await register.getByRole('button', { name: 'Votes' }).click();
      await expect.poll(() => registerTexts(page)).toEqual(['Nobody owns the reset end to end', 'Security questions nobody remembers', 'Forty minutes in the queue on Mondays']);
      expect(await register.getByRole('row', { name: /Security questions.*Defect \/ rework.*Products.*3.*Daily.*3/ }).count()).toBe(1);

      await tab(page, 'Vote');
      await expect.poll(() => page.getByRole('list', { name: 'Pain points by votes' }).getByRole('listitem').count()).toBe(3);

      await tab(page, 'People');
      await expect.poll(() => page.getByRole('table', { name: 'Influence by commitment map' }).getByRole('cell', { name: 'Influence 4, commitment 5' }).getByRole('button', { name: 'Raj Patel' }).count()).toBe(1);
    };
    await checkEverything();

    await page.reload();
    await page.getByRole('tab', { name: 'Map' }).waitFor();
    // Analyse mode is a choice of this window, not of the file: choose it again to see the classification.
    await page.getByRole('button', { name: 'Analyse' }).click();
    await checkEverything();
    await tab(page, 'Map');
    for (const n of ['1', '2']) await expect.poll(() => page.locator('.react-flow__node').getByTitle(`Pain point ${n}`, { exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks what to do with pain points when their step is deleted, and moves them as told', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('button', { name: 'Open sample engagement' }).click();
    await page.getByRole('tab', { name: 'Map' }).waitFor();
    const step = page.getByRole('group', { name: 'Step: Ask security questions' });
    await step.waitFor();
    await step.click();
    await page.keyboard.press('Delete');
    const ask = dialog(page, 'Delete “Ask security questions”?');
    await ask.waitFor();
    await ask.getByRole('radio', { name: /Move them to the step before/ }).check();
    await ask.getByRole('button', { name: 'Delete step' }).click();
    await waitSaved(page);
    await expect.poll(() => page.getByRole('group', { name: 'Step: Ask security questions' }).count()).toBe(0);
    // Pain point 2 was on the deleted step; it now sits on the step before it.
    await expect.poll(() => page.getByRole('group', { name: 'Step: Log the call' }).getByTitle('Pain point 2', { exact: true }).count()).toBe(1);

    // Cancelling the question deletes nothing.
    await page.getByRole('group', { name: 'Step: Log the call' }).click();
    await page.keyboard.press('Delete');
    await dialog(page, 'Delete “Log the call”?').getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('group', { name: 'Step: Log the call' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows every view filled in with the sample engagement', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('button', { name: 'Open sample engagement' }).click();
    await page.getByRole('tab', { name: 'Map' }).waitFor();
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.getByLabel('Heat overlay on lanes').selectOption('votes');
    await expect.poll(() => page.getByRole('group', { name: /Whole process: pain points/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('group', { name: /^Flow: pain points 3/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('group', { name: /Desktop support: pain points 4/ }).count()).toBe(1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('analysis-map-heat') });

    const views: [string, () => Promise<void>][] = [
      ['Pain points', async () => expect.poll(() => page.getByRole('table', { name: 'Pain-point register' }).locator('tbody tr').count()).toBeGreaterThan(10)],
      ['Metrics', async () => expect.poll(() => page.getByRole('group', { name: 'Lead time' }).textContent()).toMatch(/Not known yet/)],
      ['Compare', async () => expect.poll(() => page.getByRole('table', { name: 'Process comparison' }).getByRole('row', { name: /Lead time.*7 d 3 h/ }).count()).toBe(1)],
      ['Opportunities', async () => expect.poll(() => page.getByRole('table', { name: 'Impact and effort matrix' }).getByRole('button').count()).toBeGreaterThan(2)],
      ['People', async () => expect.poll(() => page.getByRole('table', { name: 'Influence by commitment map' }).getByRole('button').count()).toBeGreaterThan(5)],
      ['Vote', async () => expect.poll(() => page.getByRole('list', { name: 'Pain points by votes' }).getByRole('listitem').count()).toBeGreaterThan(5)],
    ];
    // Each view scrolls inside its panel: a tall window shows it whole in one screenshot.
    await page.setViewportSize({ width: 1600, height: 2000 });
    for (const [name, check] of views) {
      await tab(page, name);
      await check();
      await page.screenshot({ path: screenshotPath(`analysis-${name.toLowerCase().replace(' ', '-')}`) });
    }
    await page.setViewportSize({ width: 1600, height: 1000 });

    // The registers download as CSV files Excel reads correctly: UTF-8 with a byte-order mark.
    await tab(page, 'Pain points');
    const csvOf = async (button: Locator) => {
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      return { name: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
    };
    const painCsv = await csvOf(page.getByRole('button', { name: 'Export CSV' }));
    expect(painCsv.name).toMatch(/pain-points\.csv$/);
    expect([...painCsv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const painLines = painCsv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(painLines[0]).toBe('Process,Number,Pain point,Pinned to,Lane,Raised by,Waste,Four Ps,Severity,Frequency,Votes,Notes');
    expect(painLines.filter(Boolean)).toHaveLength(17);
    // Dan Whitfield asked to be anonymised, and the export anonymises by default.
    expect(painCsv.bytes.toString('utf8')).not.toContain('Dan Whitfield');
    await tab(page, 'People');
    const peopleCsv = await csvOf(page.getByRole('button', { name: 'Export CSV' }));
    expect(peopleCsv.name).toMatch(/stakeholders\.csv$/);
    expect(peopleCsv.bytes.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(11);

    // A register row leads back to its marker on the map.
    await tab(page, 'Pain points');
    await page.getByRole('button', { name: /^Monday mornings the queue/ }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Map', selected: true }).count()).toBe(1);
    await expect.poll(() => page.locator('.react-flow__node.selected').getByRole('group', { name: 'Wait: Wait in the call queue' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
