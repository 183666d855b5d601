import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, sharedHost, waitSaved } from './harness';

/**
 * Every edit dialog, the way a consultant uses it: open an existing record, change it, save, reload
 * the page, and find the new value. A green suite once hid three edit dialogs that could not save.
 */
describe('every edit dialog saves', () => {
  const env = sharedHost();

  const dialog = (page: Page, name: string | RegExp): Locator => page.getByRole('dialog', { name });

  async function tab(page: Page, name: string): Promise<void> {
    await page.getByRole('tab', { name }).click();
    await expect.poll(() => page.getByRole('tab', { name, selected: true }).count()).toBe(1);
  }

  async function save(page: Page, d: Locator, button: string | RegExp = 'Save'): Promise<void> {
    await d.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
    await d.waitFor({ state: 'detached' });
    await waitSaved(page);
    expect(await page.getByRole('status').filter({ hasText: /Not saved/ }).count()).toBe(0);
  }

  async function reload(page: Page, tabName: string): Promise<void> {
    await page.reload();
    await page.getByRole('tab', { name: 'Map' }).waitFor();
    await tab(page, tabName);
  }

  async function openSample(page: Page): Promise<void> {
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('button', { name: 'Open sample engagement' }).click();
    await page.getByRole('tab', { name: 'Map' }).waitFor();
  }

  it('stakeholder, session (with participants for the vote), observation, needs and opportunity', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);
    await tab(page, 'People');

    // Stakeholder: every kind of field.
    await page.getByRole('button', { name: 'Edit Raj Patel' }).click();
    let d = dialog(page, 'Edit Raj Patel');
    await d.getByLabel('Role', { exact: true }).fill('Service Desk Manager');
    await d.getByLabel('Team', { exact: true }).fill('IT Service Desk (days)');
    await d.getByLabel('Influence').selectOption('5');
    await d.getByLabel('Commitment').selectOption('2');
    await d.getByLabel('Source of resistance').selectOption({ label: 'Fears blame' });
    await d.getByRole('checkbox', { name: 'Champion' }).check();
    await d.getByLabel('Notes').fill('Asked to see the report before the board does.');
    await save(page, d);

    // Session: participants are what the dot vote needs.
    await page.getByRole('button', { name: 'Add session' }).click();
    d = dialog(page, 'Add session');
    await d.getByLabel('Session name').fill('Follow-up');
    await save(page, d, 'Add session');
    await page.getByRole('button', { name: 'Edit session Follow-up' }).click();
    d = dialog(page, 'Edit Follow-up');
    await d.getByLabel('Session name').fill('Follow-up and dot vote');
    await d.getByLabel('Facilitator').fill('Jane Doe');
    await d.getByRole('checkbox', { name: /^Raj Patel/ }).check();
    await d.getByRole('checkbox', { name: /^Helen Okafor/ }).check();
    await save(page, d);

    // Observation and both kinds of need.
    await page.getByRole('button', { name: /^Service desk analysts apologised/ }).click();
    d = dialog(page, 'Edit observation');
    await d.getByLabel('Observation').fill('Analysts apologised for the process before describing it.');
    await d.getByLabel('Four Ps').selectOption({ label: 'Process' });
    await save(page, d);
    await page.getByRole('button', { name: /^Analysts need a short session on the HR lookup/ }).click();
    d = dialog(page, 'Edit training need');
    await d.getByLabel('What is needed').fill('Analysts need thirty minutes on the HR lookup.');
    await d.getByLabel('For person').selectOption({ label: 'Raj Patel, Service Desk Manager' });
    await save(page, d);
    await page.getByRole('button', { name: 'Add communication need' }).click();
    d = dialog(page, 'Add communication need');
    await d.getByLabel('What is needed').fill('Tell ward managers why the form changed.');
    await save(page, d, 'Add need');
    await page.getByRole('button', { name: /^Tell ward managers why the form changed/ }).click();
    await dialog(page, 'Edit communication need').getByLabel('Kind').selectOption({ label: 'Training' });
    // The title follows the kind chosen.
    await save(page, dialog(page, 'Edit training need'));

    // Opportunity.
    await tab(page, 'Opportunities');
    await page.getByRole('button', { name: 'Edit opportunity Self-service password reset, enrolled at induction' }).click();
    d = dialog(page, 'Edit opportunity');
    await d.getByLabel('Title').fill('Self-service password reset at induction');
    await d.getByLabel('Effort').selectOption('2');
    await d.getByLabel('Owner').fill('Helen Okafor');
    await save(page, d);

    // Everything is there after a reload.
    await reload(page, 'People');
    await page.getByRole('button', { name: 'Edit Raj Patel' }).click();
    d = dialog(page, 'Edit Raj Patel');
    expect(await d.getByLabel('Role', { exact: true }).inputValue()).toBe('Service Desk Manager');
    expect(await d.getByLabel('Team', { exact: true }).inputValue()).toBe('IT Service Desk (days)');
    expect(await d.getByLabel('Influence').inputValue()).toBe('5');
    expect(await d.getByLabel('Commitment').inputValue()).toBe('2');
    expect(await d.getByLabel('Source of resistance').locator('option:checked').textContent()).toBe('Fears blame');
    expect(await d.getByRole('checkbox', { name: 'Champion' }).isChecked()).toBe(true);
    expect(await d.getByLabel('Notes').inputValue()).toBe('Asked to see the report before the board does.');
    await d.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Edit session Follow-up and dot vote' }).click();
    d = dialog(page, 'Edit Follow-up and dot vote');
    expect(await d.getByLabel('Facilitator').inputValue()).toBe('Jane Doe');
    expect(await d.getByRole('checkbox', { name: /^Raj Patel/ }).isChecked()).toBe(true);
    expect(await d.getByRole('checkbox', { name: /^Helen Okafor/ }).isChecked()).toBe(true);
    await d.getByRole('button', { name: 'Cancel' }).click();

    expect(await page.getByRole('button', { name: /^Analysts apologised for the process before describing it\./ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Analysts need thirty minutes on the HR lookup\..*Raj Patel/ }).count()).toBe(1);
    const training = page.getByRole('region', { name: 'Training needs' });
    expect(await training.getByRole('button', { name: /^Tell ward managers why the form changed/ }).count()).toBe(1);

    await tab(page, 'Opportunities');
    await page.getByRole('button', { name: 'Edit opportunity Self-service password reset at induction' }).click();
    d = dialog(page, 'Edit opportunity');
    expect(await d.getByLabel('Effort').inputValue()).toBe('2');
    expect(await d.getByLabel('Owner').inputValue()).toBe('Helen Okafor');
    await d.getByRole('button', { name: 'Cancel' }).click();

    // The session's participants can now vote.
    await tab(page, 'Vote');
    const sessions = page.getByRole('region', { name: 'Dot vote' }).getByRole('combobox').first();
    await sessions.selectOption((await sessions.locator('option', { hasText: 'Follow-up and dot vote' }).getAttribute('value')) ?? '');
    expect(await page.getByText('This session has no participants').count()).toBe(0);
    await expect.poll(() => page.getByText(/2 participants: .*Raj Patel/).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('engagement details: from the header and the command palette, from the keyboard, kept after a reload', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);

    // From the header: the engagement's title opens its details.
    await page.getByRole('button', { name: /^Engagement details: / }).click();
    let d = dialog(page, 'Engagement details');
    await d.getByLabel('Engagement name').fill('ESM discovery, phase one');
    await d.getByLabel('Client', { exact: true }).fill('Northwind Health');
    await d.getByLabel('Scope').fill('Password resets and new starters, from the first call to day one.');
    await d.getByLabel('Objectives').fill('Three quick wins within a quarter.\nA fact base for the portal business case.');
    const chips = d.getByRole('list', { name: 'Departments' });
    await d.getByRole('button', { name: 'Remove Finance' }).click();
    // Typed departments are added with Enter; Backspace in the empty field takes the last one back.
    const add = d.getByLabel('Add a department');
    await add.fill('Estates');
    await add.press('Enter');
    await add.fill('Typo');
    await add.press('Enter');
    await add.press('Backspace');
    await d.getByRole('button', { name: 'Add department Procurement' }).click();
    expect(await chips.getByRole('listitem').allTextContents()).toEqual(['IT×', 'HR×', 'Facilities×', 'Estates×', 'Procurement×']);
    // Enter in a one-line field saves.
    await d.getByLabel('Engagement name').press('Enter');
    await d.waitFor({ state: 'detached' });
    await waitSaved(page);
    expect(await page.getByRole('button', { name: 'Engagement details: ESM discovery, phase one' }).count()).toBe(1);

    // The undo button names the change.
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('title')).toContain('Edit engagement details');

    await page.reload();
    await page.getByRole('tab', { name: 'Map' }).waitFor();
    // From the command palette, without the mouse.
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Find a command' }).waitFor();
    await page.keyboard.type('engagement details');
    await page.getByRole('option', { name: /^Engagement details…/ }).waitFor();
    // "Undo Edit engagement details" matches too; arrow down to the dialog's command.
    const titles = await page.getByRole('option').allTextContents();
    for (let i = 0; i < titles.findIndex((title) => title.startsWith('Engagement details…')); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    d = dialog(page, 'Engagement details');
    await d.waitFor();
    expect(await d.getByLabel('Engagement name').inputValue()).toBe('ESM discovery, phase one');
    expect(await d.getByLabel('Client', { exact: true }).inputValue()).toBe('Northwind Health');
    expect(await d.getByLabel('Scope').inputValue()).toBe('Password resets and new starters, from the first call to day one.');
    expect(await d.getByLabel('Objectives').inputValue()).toBe('Three quick wins within a quarter.\nA fact base for the portal business case.');
    expect(await d.getByRole('list', { name: 'Departments' }).getByRole('listitem').allTextContents()).toEqual(['IT×', 'HR×', 'Facilities×', 'Estates×', 'Procurement×']);
    // Ctrl+Enter saves from the objectives; unchanged, nothing is sent and nothing is added to the history.
    const undoTitle = await page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('title');
    await d.getByLabel('Objectives').press('Control+Enter');
    await d.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('title')).toBe(undoTitle);
    expect(errors).toEqual([]);
  });

  it('pain point, lane, step details, open question, process name, and the settings', async () => {
    const { page, errors } = await openApp(env.browser, env.host.url);
    await openSample(page);

    // Pain point, classified in Analyse mode.
    await page.getByRole('button', { name: 'Analyse' }).click();
    await tab(page, 'Pain points');
    await page.getByRole('button', { name: /^Edit pain point 1 of / }).first().click();
    let d = dialog(page, /^Pain point 1 · /);
    await d.getByLabel('In their own words').fill('The queue is forty minutes on a Monday');
    await d.getByLabel('Severity').selectOption('5');
    await d.getByLabel('Notes').fill('Worst after bank holidays');
    await save(page, d);

    // Lane options from the map.
    await tab(page, 'Map');
    await page.getByRole('button', { name: 'Capture' }).click();
    const canvas = page.getByRole('application', { name: /Process canvas/ });
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    const selected = page.locator('.react-flow__node.selected').first();
    await selected.waitFor();
    await page.keyboard.press('l');
    d = page.getByRole('dialog', { name: /^Lane: / });
    const laneName = (await d.getByLabel('Name').inputValue()) + ' (days)';
    await d.getByLabel('Name').fill(laneName);
    await d.getByLabel('Kind').selectOption({ label: 'Team' });
    await save(page, d);

    // Step details: each field commits on its own.
    const panel = page.getByRole('complementary', { name: 'Step details' });
    if ((await panel.count()) === 0) await page.getByRole('button', { name: /details/i }).first().click();
    await panel.getByLabel('System or tool').fill('ServiceNow');
    await panel.getByLabel('System or tool').press('Enter');
    await waitSaved(page);
    await panel.getByLabel('Work time', { exact: true }).fill('12');
    await panel.getByLabel('Work time', { exact: true }).press('Enter');
    await waitSaved(page);
    await panel.getByLabel('Volume or frequency').fill('300 a week');
    await panel.getByLabel('Volume or frequency').press('Enter');
    await waitSaved(page);

    // An open question, answered.
    await panel.getByLabel('New open question').fill('Who resets passwords at night?');
    await panel.getByLabel('New open question').press('Enter');
    await waitSaved(page);
    // The box follows the saved state, so it turns once the change is on disk.
    await panel.getByRole('checkbox', { name: 'Answered' }).last().click();
    await expect.poll(() => panel.getByRole('checkbox', { name: 'Answered' }).last().isChecked()).toBe(true);
    await panel.getByLabel('Answer', { exact: true }).last().fill('The on-call engineer');
    await panel.getByLabel('Answer', { exact: true }).last().press('Enter');
    await waitSaved(page);

    // Process name.
    const rename = page.getByRole('button', { name: /^Rename / }).first();
    const processName = ((await rename.getAttribute('aria-label')) ?? '').replace(/^Rename /, '');
    await rename.click();
    d = dialog(page, 'Rename process');
    await d.getByLabel('Process name').fill(`${processName} (as is)`);
    await d.getByRole('button', { name: 'Rename' }).click();
    await waitSaved(page);

    await page.reload();
    await page.getByRole('tab', { name: 'Map' }).waitFor();
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    await selected.waitFor();
    expect(await panel.getByLabel('System or tool').inputValue()).toBe('ServiceNow');
    expect(await panel.getByLabel('Work time', { exact: true }).inputValue()).toBe('12 min');
    expect(await panel.getByLabel('Volume or frequency').inputValue()).toBe('300 a week');
    expect(await panel.getByLabel('Answer', { exact: true }).last().inputValue()).toBe('The on-call engineer');
    expect(await page.getByRole('button', { name: `Rename ${processName} (as is)` }).count()).toBe(1);
    await page.keyboard.press('l');
    d = page.getByRole('dialog', { name: `Lane: ${laneName}` });
    expect(await d.getByLabel('Kind').locator('option:checked').textContent()).toBe('Team');
    await d.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Analyse' }).click();
    await tab(page, 'Pain points');
    await page.getByRole('button', { name: /^Edit pain point 1 of / }).first().click();
    d = dialog(page, /^Pain point 1 · /);
    expect(await d.getByLabel('In their own words').inputValue()).toBe('The queue is forty minutes on a Monday');
    expect(await d.getByLabel('Severity').inputValue()).toBe('5');
    expect(await d.getByLabel('Notes').inputValue()).toBe('Worst after bank holidays');
    await d.getByRole('button', { name: 'Cancel' }).click();

    // Settings, from the home screen.
    await page.getByRole('button', { name: '← Home' }).click();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    d = dialog(page, 'Settings');
    await d.getByLabel('Your name (on reports)').fill('Jane Doe');
    await d.getByLabel('Company').fill('Doe Consulting');
    await d.getByRole('button', { name: 'Save settings' }).click();
    await d.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    d = dialog(page, 'Settings');
    expect(await d.getByLabel('Your name (on reports)').inputValue()).toBe('Jane Doe');
    expect(await d.getByLabel('Company').inputValue()).toBe('Doe Consulting');
    expect(errors).toEqual([]);
  });
});
