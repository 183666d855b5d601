import { z } from 'zod';
import { MAX_DOTS } from '../vocabulary';
import { createSchema, Id, Need, Observation, Opportunity, PainPoint, patchSchema, Person, Session } from '../model';
import { ById, Change, method, patchOf } from './base';

/** What happens to a deleted step's pain points: they stay on the process, move to the step before, or go too. */
export const PAIN_POINT_FATES = ['keep', 'predecessor', 'delete'] as const;
export const PainPointFate = z.enum(PAIN_POINT_FATES);
export type PainPointFate = z.infer<typeof PainPointFate>;

export { MAX_DOTS };

export const CSV_REGISTERS = ['painPoints', 'stakeholders'] as const;
export const CsvFile = z.object({ fileName: z.string(), csv: z.string() });
export type CsvFile = z.infer<typeof CsvFile>;


/** The analysis side: pain points, dot votes, opportunities, and the people side of change. */
export const analysisMethods = {
  'painPoint.add': method('command', createSchema('pain_points'), Change.extend({ painPoint: PainPoint })),
  'painPoint.update': method('command', patchOf(patchSchema('pain_points')), Change),
  'painPoint.delete': method('command', ById, Change),

  'vote.start': method('command', z.object({ sessionId: Id, dotsPerPerson: z.number().int().min(1).max(MAX_DOTS) }).strict(), Change),
  'vote.setDots': method(
    'command',
    z.object({ sessionId: Id, personId: Id, painPointId: Id, dots: z.number().int().min(0).max(MAX_DOTS) }).strict(),
    Change,
  ),
  'vote.reveal': method('command', z.object({ sessionId: Id, revealed: z.boolean() }).strict(), Change),
  'vote.clear': method('command', z.object({ sessionId: Id }).strict(), Change),

  'opportunity.create': method('command', createSchema('opportunities'), Change.extend({ opportunity: Opportunity })),
  'opportunity.update': method('command', patchOf(patchSchema('opportunities')), Change),
  'opportunity.delete': method('command', ById, Change),

  'person.create': method('command', createSchema('people'), Change.extend({ person: Person })),
  'person.update': method('command', patchOf(patchSchema('people')), Change),
  'person.delete': method('command', ById, Change),

  'session.create': method('command', createSchema('sessions'), Change.extend({ session: Session })),
  'session.update': method('command', patchOf(patchSchema('sessions')), Change),
  'session.delete': method('command', ById, Change),

  'observation.create': method('command', createSchema('observations'), Change.extend({ observation: Observation })),
  'observation.update': method('command', patchOf(patchSchema('observations')), Change),
  'observation.delete': method('command', ById, Change),

  'need.create': method('command', createSchema('needs'), Change.extend({ need: Need })),
  'need.update': method('command', patchOf(patchSchema('needs')), Change),
  'need.delete': method('command', ById, Change),

  'export.csv': method('query', z.object({ register: z.enum(CSV_REGISTERS), anonymise: z.boolean() }).strict(), CsvFile),
};
