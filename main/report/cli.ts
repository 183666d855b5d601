import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ShoshinError } from '../../core/errors';
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

export const EXPORT_USAGE = `  shoshin export FILE --format docx|bpmn|svg|png|csv --out PATH [options]
      --process NAME          one process (by name or id); without it BPMN, SVG and PNG
                              write one file per process into the folder PATH
      --register pain-points|stakeholders   which register for CSV (default pain-points)
      --options opts.json     report options as JSON (the same as the Report options dialog)
      --sections a,b,...      ${REPORT_SECTIONS.join(', ')}
      --anonymise | --no-anonymise   name everyone by role (the default), in the report
                              and in CSV; people who asked are named by role either way
      --name-individuals      an internal report: the people chapter names individuals
                              beside their readiness and resistance (needs --no-anonymise)
      --no-questions          leave open questions out
      --confidential | --no-confidential
      --brand-color '#1f4e79' --logo logo.png
      --template firm.dotx    the firm's Word template: its styles, header, footer and paper
      --map-paper a4|a3       paper for the process maps (default a4: the text pages' own)
      --language en-GB        the document's language (default: this computer's)
      --force                 replace files that already exist`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const PartialOptions = ReportOptions.partial().strict();

function fail(message: string): never {
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
    return fail(`${(error as Error).message.split('. ')[0]}. See shoshin help.`);
  }
}

function optionsFromFile(file: string): Partial<ReportOptions> {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file), 'utf8');
  } catch {
    return fail(`Cannot read the options file ${file}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(`The options file ${file} is not valid JSON.`);
  }
  const parsed = PartialOptions.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`The options file ${file} is not valid${issue ? ` at ${issue.path.join('.') || 'the top level'}: ${issue.message}` : ''}.`);
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
  if (matches.length > 1) return fail(`${matches.length} processes are called “${wanted}”; give its id instead: ${matches.map((p) => p.id).join(', ')}.`);
  return fail(`No process called “${wanted}”. The processes are: ${processes.map((p) => `“${p.name}”`).join(', ') || 'none'}.`);
}

function refuseExisting(file: string, force: boolean): void {
  if (!force && fs.existsSync(file)) fail(`${file} already exists; use --force to replace it.`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) fail(`${file} is a folder; give a file name.`);
}

/** `shoshin export`: runs the same worker as the app, without Electron. Returns the exit code. */
export async function runExportCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args);
  const file = positionals[0];
  if (!file) fail('Say which engagement to export, e.g. shoshin export demo.shoshin --format docx --out report.docx');
  if (positionals.length > 1) fail(`Unexpected argument: ${positionals[1]}`);
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) fail(`Say which format with --format ${EXPORT_FORMATS.join('|')}.`);
  if (!values.out) fail('Say where to write the export with --out PATH.');
  const register: CsvRegister = values.register === undefined || values.register === 'pain-points' ? 'painPoints' : values.register === 'stakeholders' ? 'stakeholders' : fail('--register must be pain-points or stakeholders.');
  if (values.confidential && values['no-confidential']) fail('Give --confidential or --no-confidential, not both.');

  const engagementPath = path.resolve(file);
  const { remembered, processes } = readEngagement(engagementPath, undefined, (db) => ({ remembered: readReportOptions(db), processes: processSummaries(snapshotOf(loadRecords(db))) }));

  const flags: Partial<ReportOptions> = {};
  if (values.sections !== undefined) {
    const sections = values.sections.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = sections.filter((s) => !(REPORT_SECTIONS as readonly string[]).includes(s));
    if (unknown.length) fail(`Unknown section ${unknown.map((s) => `“${s}”`).join(', ')}; the sections are ${REPORT_SECTIONS.join(', ')}.`);
    flags.sections = [...new Set(sections)] as ReportSection[];
  }
  if (values.anonymise && values['no-anonymise']) fail('Give --anonymise or --no-anonymise, not both.');
  if (values.anonymise) flags.anonymise = true;
  if (values['no-anonymise']) flags.anonymise = false;
  if (values['name-individuals']) flags.nameIndividuals = true;
  if (values['no-questions']) flags.includeQuestions = false;
  if (values.confidential) flags.confidential = true;
  if (values['no-confidential']) flags.confidential = false;
  if (values['brand-color'] !== undefined) flags.brandColor = values['brand-color'];
  if (values.logo !== undefined) flags.logoPath = path.resolve(values.logo);
  if (values.template !== undefined) flags.templatePath = path.resolve(values.template);
  if (values['map-paper'] !== undefined) flags.mapPaper = values['map-paper'] === 'a4' || values['map-paper'] === 'a3' ? values['map-paper'] : fail('--map-paper must be a4 or a3.');
  if (values.language !== undefined) flags.language = values.language;
  const merged = ReportOptions.safeParse({ ...remembered, ...(values.options ? optionsFromFile(values.options) : {}), ...flags });
  if (!merged.success) {
    const issue = merged.error.issues[0];
    fail(`Invalid report options${issue ? ` (${issue.path.join('.')}): ${issue.message}` : ''}.`);
  }
  const options = merged.data;
  if (values['name-individuals'] && options.anonymise) fail('--name-individuals names people in the people chapter, so it needs --no-anonymise.');
  if (format === 'docx' && options.logoPath.trim()) readLogo(options.logoPath.trim());
  if (format === 'docx' && options.templatePath.trim()) readTemplate(options.templatePath.trim());

  const out = path.resolve(values.out);
  const force = values.force ?? false;
  const jobs: { out: string; processId?: string }[] = [];
  if (format === 'bpmn' || format === 'svg' || format === 'png') {
    if (values.process !== undefined) {
      jobs.push({ out, processId: pickProcess(processes, values.process).id });
    } else {
      if (processes.length === 0) fail('This engagement has no processes to export.');
      if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) fail(`Without --process every process is exported, so --out must be a folder; ${out} is a file.`);
      const used = new Set<string>();
      for (const p of processes) {
        let name = safeFileName(p.name, 'Process');
        for (let n = 2; used.has(name.toLowerCase()); n++) name = `${safeFileName(p.name, 'Process')} (${n})`;
        used.add(name.toLowerCase());
        jobs.push({ out: path.join(out, `${name}.${format}`), processId: p.id });
      }
    }
  } else {
    if (values.process !== undefined) fail(`--process is for bpmn, svg and png; a ${format} export covers the whole engagement.`);
    jobs.push({ out });
  }
  for (const job of jobs) refuseExisting(job.out, force);

  for (const job of jobs) {
    const result = await runExportInWorker({ engagementPath, format, options, register, out: job.out, ...(job.processId ? { processId: job.processId } : {}) });
    io.out(`Wrote ${result.file}`);
  }
  return 0;
}
