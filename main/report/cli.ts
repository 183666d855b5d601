import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ShoshinError } from '../../core/errors';
import { format as english, msg, quotedList, type Message } from '../../core/messages';
import { EXPORT_FORMATS, REPORT_SECTIONS, ReportOptions, type CsvRegister, type ExportFormat, type ReportSection } from '../../core/ipc/report';
import type { ProcessSummary } from '../../core/model';
import { processSummaries, snapshotOf } from '../../core/views';
import { loadRecords } from '../../db/records';
import { safeFileName } from '../services/report';
import { readReportOptions } from './data';
import { readEngagement } from './read';
import { readLogo } from './images';
import { runExportInWorker } from './jobs';
import { readTemplate } from './template';

export const EXPORT_USAGE = msg('cli.export.usage', { sections: REPORT_SECTIONS.join(', ') });

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const PartialOptions = ReportOptions.partial().strict();

function fail(message: Message): never {
  throw new ShoshinError('invalid_input', message);
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        process: { type: 'string' },
        register: { type: 'string' },
        options: { type: 'string' },
        sections: { type: 'string' },
        anonymise: { type: 'boolean' },
        'no-anonymise': { type: 'boolean' },
        'name-individuals': { type: 'boolean' },
        'no-questions': { type: 'boolean' },
        confidential: { type: 'boolean' },
        'no-confidential': { type: 'boolean' },
        'brand-color': { type: 'string' },
        logo: { type: 'string' },
        template: { type: 'string' },
        'map-paper': { type: 'string' },
        language: { type: 'string' },
        force: { type: 'boolean' },
      },
    });
  } catch (error) {
    return fail(msg('cli.export.badArguments', { reason: (error as Error).message.split('. ')[0] ?? '' }));
  }
}

function optionsFromFile(file: string): Partial<ReportOptions> {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file), 'utf8');
  } catch {
    return fail(msg('cli.export.optionsUnreadable', { file }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(msg('cli.export.optionsNotJson', { file }));
  }
  const parsed = PartialOptions.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return fail(msg('cli.export.optionsInvalid', { file }));
    const at = issue.path.join('.');
    return fail(at ? msg('cli.export.optionsInvalidAt', { file, path: at, detail: issue.message }) : msg('cli.export.optionsInvalidTop', { file, detail: issue.message }));
  }
  // Only what the file says: a default filled in for an option it leaves out must not override the remembered one.
  const given = new Set(Object.keys(json as object));
  return Object.fromEntries(Object.entries(parsed.data).filter(([key]) => given.has(key))) as Partial<ReportOptions>;
}

function pickProcess(processes: readonly ProcessSummary[], wanted: string): ProcessSummary {
  const byId = processes.find((p) => p.id === wanted);
  if (byId) return byId;
  const matches = processes.filter((p) => p.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) return fail(msg('cli.export.sameName', { count: matches.length, name: wanted, ids: matches.map((p) => p.id).join(', ') }));
  if (processes.length === 0) return fail(msg('cli.export.noSuchProcessNone', { name: wanted }));
  return fail(msg('cli.export.noSuchProcess', { name: wanted, names: quotedList(processes.map((p) => p.name)) }));
}

function refuseExisting(file: string, force: boolean): void {
  if (!force && fs.existsSync(file)) fail(msg('cli.export.exists', { file }));
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) fail(msg('cli.export.isFolder', { file }));
}

/** `shoshin export`: runs the same worker as the app, without Electron. Returns the exit code. */
export async function runExportCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args);
  const file = positionals[0];
  if (!file) fail(msg('cli.export.which'));
  if (positionals.length > 1) fail(msg('cli.export.unexpectedArgument', { argument: positionals[1] ?? '' }));
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) fail(msg('cli.export.whichFormat', { formats: EXPORT_FORMATS.join('|') }));
  if (!values.out) fail(msg('cli.export.whereOut'));
  const register: CsvRegister = values.register === undefined || values.register === 'pain-points' ? 'painPoints' : values.register === 'stakeholders' ? 'stakeholders' : fail(msg('cli.export.register'));
  if (values.confidential && values['no-confidential']) fail(msg('cli.export.confidentialBoth'));

  const engagementPath = path.resolve(file);
  const { remembered, processes } = readEngagement(engagementPath, undefined, (db) => ({ remembered: readReportOptions(db), processes: processSummaries(snapshotOf(loadRecords(db))) }));

  const flags: Partial<ReportOptions> = {};
  if (values.sections !== undefined) {
    const sections = values.sections.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = sections.filter((s) => !(REPORT_SECTIONS as readonly string[]).includes(s));
    if (unknown.length) {
      fail(msg(unknown.length === 1 ? 'cli.export.unknownSection.one' : 'cli.export.unknownSection.other', { names: quotedList(unknown), sections: REPORT_SECTIONS.join(', ') }));
    }
    flags.sections = [...new Set(sections)] as ReportSection[];
  }
  if (values.anonymise && values['no-anonymise']) fail(msg('cli.export.anonymiseBoth'));
  if (values.anonymise) flags.anonymise = true;
  if (values['no-anonymise']) flags.anonymise = false;
  if (values['name-individuals']) flags.nameIndividuals = true;
  if (values['no-questions']) flags.includeQuestions = false;
  if (values.confidential) flags.confidential = true;
  if (values['no-confidential']) flags.confidential = false;
  if (values['brand-color'] !== undefined) flags.brandColor = values['brand-color'];
  if (values.logo !== undefined) flags.logoPath = path.resolve(values.logo);
  if (values.template !== undefined) flags.templatePath = path.resolve(values.template);
  if (values['map-paper'] !== undefined) flags.mapPaper = values['map-paper'] === 'a4' || values['map-paper'] === 'a3' ? values['map-paper'] : fail(msg('cli.export.mapPaper'));
  if (values.language !== undefined) flags.language = values.language;
  const merged = ReportOptions.safeParse({ ...remembered, ...(values.options ? optionsFromFile(values.options) : {}), ...flags });
  if (!merged.success) {
    const issue = merged.error.issues[0];
    fail(issue ? msg('cli.export.invalidOptionsAt', { path: issue.path.join('.'), detail: issue.message }) : msg('cli.export.invalidOptions'));
  }
  const options = merged.data;
  if (values['name-individuals'] && options.anonymise) fail(msg('cli.export.nameIndividualsNeedsNames'));
  if (format === 'docx' && options.logoPath.trim()) readLogo(options.logoPath.trim());
  if (format === 'docx' && options.templatePath.trim()) readTemplate(options.templatePath.trim());

  const out = path.resolve(values.out);
  const force = values.force ?? false;
  const jobs: { out: string; processId?: string }[] = [];
  if (format === 'bpmn' || format === 'svg' || format === 'png') {
    if (values.process !== undefined) {
      jobs.push({ out, processId: pickProcess(processes, values.process).id });
    } else {
      if (processes.length === 0) fail(msg('cli.export.noProcesses'));
      if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) fail(msg('cli.export.outIsFile', { path: out }));
      const used = new Set<string>();
      for (const p of processes) {
        let name = safeFileName(p.name, 'Process');
        for (let n = 2; used.has(name.toLowerCase()); n++) name = `${safeFileName(p.name, 'Process')} (${n})`;
        used.add(name.toLowerCase());
        jobs.push({ out: path.join(out, `${name}.${format}`), processId: p.id });
      }
    }
  } else {
    if (values.process !== undefined) fail(msg('cli.export.processNotFor', { format }));
    jobs.push({ out });
  }
  for (const job of jobs) refuseExisting(job.out, force);

  for (const job of jobs) {
    const result = await runExportInWorker({ engagementPath, format, options, register, out: job.out, ...(job.processId ? { processId: job.processId } : {}) });
    io.out(english(msg('cli.export.wrote', { file: result.file })));
  }
  return 0;
}
