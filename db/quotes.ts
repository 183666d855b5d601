import { randomUUID } from 'node:crypto';
import { ShoshinError } from '../core/errors';
import type { Question, Quote, Step } from '../core/model';
import type { Tx } from './journal';

/** A quote or question pinned to a step must be pinned within the process it names. */
function checkStep(tx: Tx, processId: string, stepId: string | null | undefined): void {
  if (!stepId) return;
  const step = tx.require<Step>('steps', stepId, 'step');
  if (step.processId !== processId) throw new ShoshinError('conflict', 'That step belongs to another process.');
}

export function addQuote(
  tx: Tx,
  input: { processId: string; stepId?: string | null; text: string; personId?: string | null; sessionId?: string | null },
): Quote {
  tx.require('processes', input.processId, 'process');
  checkStep(tx, input.processId, input.stepId);
  if (input.personId) tx.require('people', input.personId, 'person');
  if (input.sessionId) tx.require('sessions', input.sessionId, 'session');
  const quote = tx.insert<Quote>('quotes', {
    id: randomUUID(),
    processId: input.processId,
    stepId: input.stepId ?? null,
    text: input.text,
    personId: input.personId ?? null,
    sessionId: input.sessionId ?? null,
  });
  tx.touch(input.processId);
  return quote;
}

export function deleteQuote(tx: Tx, id: string): void {
  const quote = tx.require<Quote>('quotes', id, 'quote');
  tx.remove('quotes', id);
  tx.touch(quote.processId);
}

export function addQuestion(tx: Tx, input: { processId: string; stepId?: string | null; text: string }): Question {
  tx.require('processes', input.processId, 'process');
  checkStep(tx, input.processId, input.stepId);
  const question = tx.insert<Question>('questions', {
    id: randomUUID(),
    processId: input.processId,
    stepId: input.stepId ?? null,
    text: input.text,
    status: 'open',
    answer: '',
  });
  tx.touch(input.processId);
  return question;
}

export function updateQuestion(tx: Tx, id: string, patch: Partial<Pick<Question, 'text' | 'status' | 'answer'>>): Question {
  tx.require<Question>('questions', id, 'question');
  const question = tx.update<Question>('questions', id, patch);
  tx.touch(question.processId);
  return question;
}

export function deleteQuestion(tx: Tx, id: string): void {
  const question = tx.require<Question>('questions', id, 'question');
  tx.remove('questions', id);
  tx.touch(question.processId);
}
