import { z } from 'zod';
import { format, msg } from '../messages';
import { Id } from '../model';
import { CSV_REGISTERS } from './analysis';
import { Empty, FilePath, MessageSchema, method, Ok } from './base';
import { EXPORT_FORMATS, MAP_PAPERS, REPORT_SECTIONS } from '../reportDefaults';

export { DEFAULT_REPORT_OPTIONS, EXPORT_FORMATS, MAP_PAPERS, REPORT_LANGUAGES, REPORT_SECTIONS } from '../reportDefaults';

export const ReportSection = z.enum(REPORT_SECTIONS);
export type ReportSection = z.infer<typeof ReportSection>;

export const BrandColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, format(msg('error.input.brandColor')));

/** A language tag such as en-GB or de-DE (BCP 47); empty for the language of the computer the report is made on. */
export const ReportLanguage = z
  .string()
  .max(35)
  .regex(/^(?:[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)?$/, format(msg('error.input.languageTag')));

/** How the Word report is made; remembered per engagement. */
export const ReportOptions = z
  .object({
    sections: z.array(ReportSection).max(REPORT_SECTIONS.length),
    /**
     * Everyone is named by role in the report and in the CSV exports (stakeholders, who raised each
     * pain point, who said each quote); people marked "anonymise" are named by role even when this is off.
     */
    anonymise: z.boolean(),
    /**
     * An internal report: the people chapter names individuals beside their readiness scores and
     * resistance (never when anonymising). Off, it speaks of teams and "Stakeholder A, B…".
     * Options remembered before it existed read as off.
     */
    nameIndividuals: z.boolean().default(false),
    includeQuestions: z.boolean(),
    confidential: z.boolean(),
    brandColor: BrandColor,
    /** A PNG, JPEG or SVG file for the cover, chosen with report.pickLogo (or, in the browser host, in the data folder); empty for none. */
    logoPath: z.string().max(4096),
    /**
     * The paper of the process maps' landscape pages: the text pages' own (A4 unless a template says
     * otherwise) or A3, folded into the report. Options saved before there was a choice read as A4.
     */
    mapPaper: z.enum(MAP_PAPERS).default('a4'),
    /** The document's language, for spelling and hyphenation in Word. */
    language: ReportLanguage.default(''),
    /**
     * A Word template (.dotx or .docx), chosen with report.pickTemplate (or, in the browser host, in the
     * data folder), whose styles, header, footer and paper the report takes; empty for Shoshin's own look.
     */
    templatePath: z.string().max(4096).default(''),
  })
  .strict();
export type ReportOptions = z.infer<typeof ReportOptions>;

export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const CsvRegister = z.enum(CSV_REGISTERS);
export type CsvRegister = z.infer<typeof CsvRegister>;

export const ExportRequest = z
  .object({
    format: ExportFormat,
    /** Which process, for the per-process formats (BPMN, SVG, PNG). */
    processId: Id.optional(),
    /** Which register, for CSV. */
    register: CsvRegister.optional(),
    /** Defaults to the engagement's remembered report options. */
    options: ReportOptions.optional(),
  })
  .strict();
export type ExportRequest = z.infer<typeof ExportRequest>;

export const ExportProgress = z.object({
  jobId: Id,
  format: ExportFormat,
  /** What is happening now, for the user. */
  phase: MessageSchema,
  percent: z.number().min(0).max(100),
  done: z.boolean(),
  error: MessageSchema.nullable(),
  /** Where the file was written, once done. */
  file: z.string().nullable(),
  fileName: z.string(),
  /** A link the browser can download the file from, where the shell serves one. */
  downloadUrl: z.string().nullable(),
  /** Whether `report.open` can open the file in its program (desktop only). */
  canOpen: z.boolean(),
});
export type ExportProgress = z.infer<typeof ExportProgress>;

const JobRef = z.object({ jobId: Id }).strict();

/** The Word report and the other exports, run as background jobs the UI polls. */
export const reportMethods = {
  'report.options': method('query', Empty, ReportOptions),
  'report.start': method('app', ExportRequest, z.object({ jobId: Id.nullable() })),
  'report.progress': method('query', JobRef, ExportProgress),
  'report.open': method('app', JobRef, Ok),
  /** The native image picker; main keeps a copy of the chosen logo and returns the copy's path. */
  'report.pickLogo': method('app', Empty, z.object({ path: FilePath.nullable() })),
  /** The native file picker for a Word template; main checks it, keeps a copy and returns the copy's path. */
  'report.pickTemplate': method('app', Empty, z.object({ path: FilePath.nullable() })),
};
