import { z } from 'zod';
import { IMPORT_AS, IMPORT_FORMATS } from '../import/plan';
import { MAX_TABLE_COLUMNS, TABLE_FIELDS } from '../import/table';
import { Id } from '../model';
import { Change, Empty, FilePath, MessageSchema, method } from './base';

/** Which column of a step table holds which field; a field left out is not in the table. */
export const ColumnMapping = z
  .object(Object.fromEntries(TABLE_FIELDS.map((field) => [field, z.number().int().min(0).max(MAX_TABLE_COLUMNS - 1).optional()])) as Record<(typeof TABLE_FIELDS)[number], z.ZodOptional<z.ZodNumber>>)
  .strict();

const Counts = z.record(z.string().max(100), z.number().int().min(0));

export const ImportSummarySchema = z.object({
  processes: z.array(z.object({ name: z.string(), steps: z.number().int(), lanes: z.number().int(), flows: z.number().int() })),
  skipped: Counts,
});

const ImportSource = z.object({ path: FilePath, mapping: ColumnMapping.optional() }).strict();

/** Importing the client's procedures: BPMN, and step tables from CSV or Excel (main/import/). */
export const importMethods = {
  /** The native picker for a file to import; the path it returns may then be read. */
  'import.pickFile': method('app', Empty, z.object({ path: FilePath.nullable() })),
  /** What importing the file would add, without adding it: the preview, and a step table's columns for the mapping dialog. */
  'import.preview': method(
    'query',
    ImportSource,
    z.object({
      format: z.enum(IMPORT_FORMATS),
      summary: ImportSummarySchema,
      notes: z.array(MessageSchema),
      tables: z.array(z.object({ name: z.string(), headers: z.array(z.string()), mapping: ColumnMapping, sample: z.array(z.array(z.string())) })),
    }),
  ),
  /** Adds the file's processes to the engagement in one command (one undo). */
  'import.run': method('command', ImportSource.extend({ as: z.enum(IMPORT_AS) }).strict(), Change.extend({ processIds: z.array(Id), summary: ImportSummarySchema })),

  /** Marks a process as the client's documented procedure, or as observed again (ending its comparison). */
  'process.markDocumented': method('command', z.object({ id: Id, documented: z.boolean() }).strict(), Change),
  /** Compares a documented process with an observed one, or ends the comparison with null. */
  'process.compareWith': method('command', z.object({ id: Id, observedId: Id.nullable() }).strict(), Change),
  /** The consultant's correction of the step matching: these two steps pair, or this step has no counterpart. */
  'match.set': method('command', z.object({ processId: Id, documentedStepId: Id.nullable(), observedStepId: Id.nullable() }).strict(), Change),
  /** Hands one step, or the whole comparison, back to the automatic matching. */
  'match.reset': method('command', z.object({ processId: Id, stepId: Id.optional() }).strict(), Change),
};
