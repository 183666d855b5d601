import fs from 'node:fs';
import path from 'node:path';
import { processToBpmn } from '../../core/bpmn';
import { painPointRegisterCsv, stakeholderRegisterCsv } from '../../core/csv';
import { renderDiagram } from '../../core/diagram';
import { isDiskFull, ShoshinError } from '../../core/errors';
import { msg } from '../../core/messages';
import type { CsvRegister, ExportFormat, ReportOptions } from '../../core/ipc/report';
import { loadReportData, type ReportData } from './data';
import { buildReport, type Progress } from './docx';
import { compressed, zipOrder } from './docx/package';
import { PngCache, Rasteriser, readLogo, svgToPng } from './images';
import { readEngagement } from './read';
import { loadAvoid, processRoutes } from './routes';
import { readTemplate } from './template';
import { ZipWriter } from './zip';

/** One export, as the worker receives it: plain data, so it crosses the thread boundary as is. */
export interface ExportTask {
  engagementPath: string;
  nativeBinding?: string;
  format: ExportFormat;
  processId?: string;
  register?: CsvRegister;
  options: ReportOptions;
  out: string;
  /** The consultant's own details from the app settings, for the cover when the engagement has none. */
  author?: { consultant: string; company: string };
  /** A folder main keeps for the PNG copies of diagrams, shared by every report; none to draw them every time. */
  cacheDir?: string;
}

/** The PNG export is drawn at twice the canvas size: sharp on a high-density screen or a slide. */
const PNG_SCALE = 2;

/** Removes the folders `mkdirSync` made for a file that was never written, from the innermost up, while empty. */
function removeMadeFolders(dir: string, firstMade: string | undefined): void {
  if (!firstMade) return;
  for (let current = dir; current.startsWith(firstMade); current = path.dirname(current)) {
    if (fs.readdirSync(current).length > 0) return;
    fs.rmdirSync(current);
    if (current === firstMade) return;
  }
}

/** Writes beside the target and renames, so a half-written file never replaces a good one; a failure leaves nothing behind. */
export function writeAtomic(file: string, content: Buffer | string | ((fd: number) => void)): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  let firstMade: string | undefined;
  try {
    firstMade = fs.mkdirSync(path.dirname(file), { recursive: true });
    if (typeof content === 'function') {
      const fd = fs.openSync(temp, 'w');
      try {
        content(fd);
      } finally {
        fs.closeSync(fd);
      }
    } else fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    removeMadeFolders(path.dirname(file), firstMade);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new ShoshinError('conflict', msg('error.export.cannotWrite', { name: path.basename(file) }));
    }
    throw error;
  }
}

function processView(data: ReportData, processId: string | undefined) {
  if (!processId) throw new ShoshinError('invalid_input', msg('error.export.whichProcess'));
  const view = data.processes.find((p) => p.process.id === processId);
  if (!view) throw new ShoshinError('not_found', msg('error.gone.process'));
  return view;
}

/** The document's language: the one chosen, else the language of the computer the report is made on. */
export function reportLanguage(chosen: string): string {
  if (chosen) return chosen;
  const system = Intl.DateTimeFormat().resolvedOptions().locale;
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(system) && system !== 'und' ? system : 'en-GB';
}

/** Runs one export; a full disk anywhere on the way is said in words, with nothing left half-written. */
export async function runExport(task: ExportTask, progress: Progress): Promise<string> {
  try {
    return await exportTo(task, progress);
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    throw new ShoshinError('disk_full', msg(task.format === 'docx' ? 'error.diskFull.report' : 'error.diskFull.export'));
  }
}

async function exportTo(task: ExportTask, progress: Progress): Promise<string> {
  progress(msg('export.reading'), 3);
  const data = readEngagement(task.engagementPath, task.nativeBinding, (db) => loadReportData(db));
  switch (task.format) {
    case 'docx': {
      const logo = task.options.logoPath.trim() ? readLogo(task.options.logoPath.trim()) : null;
      const template = task.options.templatePath.trim() ? readTemplate(task.options.templatePath.trim()) : null;
      const cache = new PngCache(task.cacheDir ?? null);
      const input = { data, options: task.options, logo, template, language: reportLanguage(task.options.language), date: new Date(), author: task.author ?? null };
      const rasteriser = new Rasteriser();
      let parts;
      try {
        parts = await buildReport(input, cache, rasteriser, progress);
      } finally {
        rasteriser.close();
      }
      progress(msg('export.saving'), 96);
      writeAtomic(task.out, (fd) => {
        const zip = new ZipWriter(fd);
        for (const name of zipOrder(parts)) zip.add(name, parts.get(name) ?? '', compressed(name));
        zip.finish();
      });
      cache.prune();
      break;
    }
    case 'bpmn': {
      const view = processView(data, task.processId);
      writeAtomic(task.out, processToBpmn({ ...view, routes: await processRoutes(view), avoid: await loadAvoid() }));
      break;
    }
    case 'svg':
    case 'png': {
      const view = processView(data, task.processId);
      progress(msg('export.drawingDiagram'), 30);
      const diagram = renderDiagram({ ...view, routes: await processRoutes(view) });
      if (task.format === 'svg') writeAtomic(task.out, `<?xml version="1.0" encoding="UTF-8"?>\n${diagram.svg}\n`);
      else writeAtomic(task.out, svgToPng(diagram.svg, diagram.width * PNG_SCALE));
      break;
    }
    case 'csv': {
      const { anonymise } = task.options;
      const csv =
        (task.register ?? 'painPoints') === 'painPoints'
          ? painPointRegisterCsv(data.register, { anonymise, people: data.people })
          : stakeholderRegisterCsv(data.people, { anonymise });
      writeAtomic(task.out, csv);
      break;
    }
  }
  progress(msg('export.done'), 100);
  return task.out;
}
