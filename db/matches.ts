import { randomUUID } from 'node:crypto';
import { msg } from '../core/messages';
import { ShoshinError } from '../core/errors';
import { newRecord, type Process, type StepMatch } from '../core/records';
import type { Tx } from './journal';

/**
 * Documented and observed processes: which process is the client's documented procedure, which
 * observed process it is compared with, and the consultant's corrections of the step matching.
 * Only corrections are stored; core/compare.ts matches the rest each time, so renaming a step
 * never leaves a stale automatic match behind.
 */

function requireDocumented(tx: Tx, id: string): Process {
  const process = tx.require('processes', id, 'process');
  if (!process.documented) throw new ShoshinError('conflict', msg('match.notDocumented'));
  return process;
}

function forgetMatchesOf(tx: Tx, processId: string): void {
  for (const match of tx.all('step_matches', { processId })) tx.remove('step_matches', match.id);
}

/** Marks a process as the client's documented procedure, or as observed again (which ends its comparison). */
export function markDocumented(tx: Tx, id: string, documented: boolean): Process {
  const process = tx.require('processes', id, 'process');
  if (process.documented === documented) return process;
  if (!documented) {
    forgetMatchesOf(tx, id);
    return tx.update('processes', id, { documented: false, observedId: null });
  }
  if (tx.all('processes', { observedId: id }).length > 0) {
    throw new ShoshinError('conflict', msg('match.staysObserved'));
  }
  return tx.update('processes', id, { documented: true });
}

/**
 * Compares a documented process with an observed one (marking it documented), or ends the
 * comparison with null. Corrections made against another observed process no longer apply.
 */
export function linkObserved(tx: Tx, documentedId: string, observedId: string | null): Process {
  const documented = tx.require('processes', documentedId, 'process');
  if (observedId !== null) {
    const observed = tx.require('processes', observedId, 'process');
    if (observed.id === documented.id) throw new ShoshinError('conflict', msg('match.notItself'));
    if (observed.documented) throw new ShoshinError('conflict', msg('match.bothDocumented', { name: observed.name }));
  }
  if (documented.observedId === observedId && documented.documented) return documented;
  if (!documented.documented && tx.all('processes', { observedId: documentedId }).length > 0) {
    throw new ShoshinError('conflict', msg('match.cannotBeDocumented'));
  }
  forgetMatchesOf(tx, documentedId);
  return tx.update('processes', documentedId, { documented: true, observedId });
}

/**
 * The consultant's word on one pair: both steps pair them, whatever the automatic matching said;
 * one step alone has no counterpart. Any earlier correction touching either step is replaced.
 */
export function setMatch(tx: Tx, input: { processId: string; documentedStepId: string | null; observedStepId: string | null }): StepMatch {
  const documented = requireDocumented(tx, input.processId);
  if (!documented.observedId) throw new ShoshinError('conflict', msg('match.chooseObserved'));
  if (input.documentedStepId === null && input.observedStepId === null) throw new ShoshinError('invalid_input', msg('match.sayStep'));
  if (input.documentedStepId !== null) {
    const step = tx.require('steps', input.documentedStepId, 'step');
    if (step.processId !== documented.id) throw new ShoshinError('conflict', msg('match.notInDocumented'));
  }
  if (input.observedStepId !== null) {
    const step = tx.require('steps', input.observedStepId, 'step');
    if (step.processId !== documented.observedId) throw new ShoshinError('conflict', msg('match.notInObserved'));
  }
  for (const match of tx.all('step_matches', { processId: documented.id })) {
    const touches =
      (input.documentedStepId !== null && match.documentedStepId === input.documentedStepId) ||
      (input.observedStepId !== null && match.observedStepId === input.observedStepId);
    if (touches) tx.remove('step_matches', match.id);
  }
  return tx.insert(
    'step_matches',
    newRecord('step_matches', { id: randomUUID(), processId: documented.id, documentedStepId: input.documentedStepId, observedStepId: input.observedStepId }),
  );
}

/** Hands one step (or, without a step, the whole process) back to the automatic matching. */
export function resetMatches(tx: Tx, processId: string, stepId?: string): number {
  requireDocumented(tx, processId);
  let removed = 0;
  for (const match of tx.all('step_matches', { processId })) {
    if (stepId !== undefined && match.documentedStepId !== stepId && match.observedStepId !== stepId) continue;
    tx.remove('step_matches', match.id);
    removed++;
  }
  return removed;
}

/** A deleted step takes its corrections with it (undo brings them back). */
export function forgetStepMatches(tx: Tx, stepId: string): void {
  for (const match of [...tx.all('step_matches', { documentedStepId: stepId }), ...tx.all('step_matches', { observedStepId: stepId })]) {
    tx.remove('step_matches', match.id);
  }
}

/** A deleted process ends every comparison it was part of. */
export function forgetProcessLinks(tx: Tx, processId: string): void {
  forgetMatchesOf(tx, processId);
  for (const documented of tx.all('processes', { observedId: processId })) {
    forgetMatchesOf(tx, documented.id);
    tx.update('processes', documented.id, { observedId: null });
  }
}
