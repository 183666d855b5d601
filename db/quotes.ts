import { randomUUID } from 'node:crypto';
import { ShoshinError } from '../core/errors';
import { msg } from '../core/messages';
import { newRecord, type CreateOf, type PatchOf, type Question, type Quote } from '../core/records';
import type { Tx } from './journal';

/** A quote or question pinned to a step must be pinned within the process it names. */
function checkStep(tx: Tx, processId: string, stepId: string | null | undefined): void {
  if (!stepId) return;
  const step = tx.require('steps', stepId, 'step');
  if (step.processId !== processId) throw new ShoshinError('conflict', msg('error.step.otherProcess'));
}

export function addQuote(tx: Tx, input: CreateOf<'quotes'> & { processId: string }): Quote {
  tx.require('processes', input.processId, 'process');
  checkStep(tx, input.processId, input.stepId);
  if (input.personId) tx.require('people', input.personId, 'person');
  if (input.sessionId) tx.require('sessions', input.sessionId, 'session');
  return tx.insert('quotes', newRecord('quotes', { ...input, id: randomUUID() }));
}

export function deleteQuote(tx: Tx, id: string): void {
  tx.require('quotes', id, 'quote');
  tx.remove('quotes', id);
}

export function addQuestion(tx: Tx, input: CreateOf<'questions'> & { processId: string }): Question {
  tx.require('processes', input.processId, 'process');
  checkStep(tx, input.processId, input.stepId);
  return tx.insert('questions', newRecord('questions', { ...input, id: randomUUID() }));
}

export function updateQuestion(tx: Tx, id: string, patch: PatchOf<'questions'>): Question {
  const current = tx.require('questions', id, 'question');
  if (patch.stepId && current.processId) checkStep(tx, current.processId, patch.stepId);
  return tx.update('questions', id, patch);
}

export function deleteQuestion(tx: Tx, id: string): void {
  tx.require('questions', id, 'question');
  tx.remove('questions', id);
}
