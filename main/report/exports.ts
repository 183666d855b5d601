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
import { readLogo, svgToPng } from './images';
import { readEngagement } from './read';

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
export function writeAtomic(file: string, content: Buffer | string): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  let firstMade: string | undefined;
  try {
    firstMade = fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, content);
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
      const buffer = await buildReport({ data, options: task.options, logo, date: new Date(), author: task.author ?? null }, progress);
      progress(msg('export.saving'), 96);
      writeAtomic(task.out, buffer);
      break;
    }
    case 'bpmn': {
      writeAtomic(task.out, processToBpmn(processView(data, task.processId)));
      break;
    }
    case 'svg':
    case 'png': {
      const view = processView(data, task.processId);
      progress(msg('export.drawingDiagram'), 30);
      const diagram = renderDiagram(view);
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
