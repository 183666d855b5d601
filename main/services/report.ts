import fs from 'node:fs';
import path from 'node:path';
import { ShoshinError } from '../../core/errors';
import { msg } from '../../core/messages';
import type { ExportFormat, ExportRequest, ReportOptions, reportMethods } from '../../core/ipc/report';
import { getEngagement } from '../../db/engagement';
import { processById } from '../../db/processes';
import { readReportOptions, writeReportOptions } from '../report/data';
import { AppSettings } from '../settings';
import { readLogo } from '../report/images';
import { ExportJobs } from '../report/jobs';
import { readTemplate } from '../report/template';
import { diagramCacheDir, keepLogo, keepTemplate } from './paths';
import type { HandlersFor, ServiceOptions, Workspace } from './workspace';

/** The folder the browser host and the CLI write exports to when no save dialog is available. */
export function exportsDir(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

const EXTENSION: Record<ExportFormat, string> = { docx: 'docx', bpmn: 'bpmn', svg: 'svg', png: 'png', csv: 'csv' };

/** A file name from user text: letters, digits, spaces and dashes only, never empty. */
export function safeFileName(text: string, fallback: string): string {
  const base = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  return base || fallback;
}

/** A path in `dir` that does not exist yet: an export never overwrites an earlier one. */
export function freshExportPath(dir: string, base: string, extension: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${base}${n === 1 ? '' : ` (${n})`}.${extension}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

function suggestedName(workspace: Workspace, request: ExportRequest): string {
  const { db } = workspace.requireStore();
  const engagement = getEngagement(db);
  const who = safeFileName(engagement.client || engagement.name, 'Engagement');
  switch (request.format) {
    case 'docx':
      return `${who} - discovery report`;
    case 'csv':
      return `${who} - ${request.register === 'stakeholders' ? 'stakeholders' : 'pain points'}`;
    default: {
      if (!request.processId) throw new ShoshinError('invalid_input', msg('error.export.whichProcess'));
      return safeFileName(processById(db, request.processId).name, 'Process');
    }
  }
}

export function reportHandlers(options: ServiceOptions): HandlersFor<keyof typeof reportMethods> {
  const jobs = new ExportJobs();
  const settings = new AppSettings(options.userDataDir);

  /**
   * The logo and the template are the paths in the report options, and they arrive from the renderer
   * or from the engagement file (someone else's, perhaps): the path policy decides before a file is read.
   */
  const checkedOptions = (report: ReportOptions): ReportOptions => {
    const logo = report.logoPath.trim();
    const template = report.templatePath.trim();
    const logoPath = logo ? options.paths.logo(logo) : '';
    const templatePath = template ? options.paths.template(template) : '';
    if (logoPath) readLogo(logoPath);
    if (templatePath) readTemplate(templatePath);
    return { ...report, logoPath, templatePath };
  };

  return {
    // An engagement with no report of its own yet starts from the consultant's defaults in Settings.
    'report.options': (workspace) => readReportOptions(workspace.requireStore().db, settings.preferences().reportDefaults),
    'report.start': async (workspace, input) => {
      const store = workspace.requireStore();
      if (['bpmn', 'svg', 'png'].includes(input.format) && !input.processId) throw new ShoshinError('invalid_input', msg('error.export.whichProcess'));
      const requested = input.options ?? readReportOptions(store.db, settings.preferences().reportDefaults);
      // Only the Word report has a logo and a template; the other formats never get a path to read.
      const report = input.format === 'docx' ? checkedOptions(requested) : { ...requested, logoPath: '', templatePath: '' };
      if (input.options && input.format === 'docx' && !store.readOnly) writeReportOptions(store.db, report);
      const name = suggestedName(workspace, input);
      const extension = EXTENSION[input.format];
      const out = options.pickSavePath ? await options.pickSavePath(`${name}.${extension}`, extension) : freshExportPath(exportsDir(options.dataDir), name, extension);
      if (!out) return { jobId: null };
      const prefs = settings.preferences();
      const job = jobs.start({
        engagementPath: store.path,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        format: input.format,
        ...(input.processId ? { processId: input.processId } : {}),
        ...(input.register ? { register: input.register } : {}),
        options: report,
        out: path.resolve(out),
        author: { consultant: prefs.consultantName, company: prefs.company },
        cacheDir: diagramCacheDir(options.userDataDir),
      });
      return { jobId: job.id };
    },
    'report.progress': (_workspace, input) => {
      const job = jobs.get(input.jobId);
      return {
        jobId: job.id,
        format: job.format,
        phase: job.phase,
        percent: job.percent,
        done: job.done,
        error: job.error,
        file: job.file,
        fileName: path.basename(job.target),
        downloadUrl: job.file ? (options.exportUrl?.(job.file) ?? null) : null,
        canOpen: !!options.openPath && !!job.file,
      };
    },
    'report.open': async (_workspace, input) => {
      const job = jobs.get(input.jobId);
      if (!job.file) throw new ShoshinError('conflict', msg('error.export.notFinished'));
      if (!options.openPath) throw new ShoshinError('invalid_input', msg('error.export.cannotOpen'));
      await options.openPath(job.file);
      return { ok: true as const };
    },
    'report.pickLogo': async () => {
      const picked = await options.pickImagePath?.();
      if (!picked) return { path: null };
      return { path: keepLogo(options.userDataDir, picked, readLogo(picked).data) };
    },
    'report.pickTemplate': async () => {
      const picked = await options.pickTemplatePath?.();
      if (!picked) return { path: null };
      readTemplate(picked);
      return { path: keepTemplate(options.userDataDir, picked, fs.readFileSync(picked)) };
    },
  };
}
