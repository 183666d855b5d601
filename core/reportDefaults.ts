import type { ReportOptions } from './ipc/report';

/**
 * The report's plain constants, zod-free so the renderer can use them: which chapters exist (the
 * cover and contents are always there), the export formats, and how a first report is made.
 */
export const REPORT_SECTIONS = ['summary', 'processes', 'comparison', 'opportunities', 'people', 'observations', 'appendix'] as const;

export const EXPORT_FORMATS = ['docx', 'bpmn', 'svg', 'png', 'csv'] as const;

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  sections: [...REPORT_SECTIONS],
  // People safety: what leaves the laptop names nobody unless the consultant decides otherwise.
  anonymise: true,
  nameIndividuals: false,
  includeQuestions: true,
  confidential: true,
  brandColor: '#1f4e79',
  logoPath: '',
};
