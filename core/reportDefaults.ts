import type { ReportOptions } from './ipc/report';

/**
 * The report's plain constants, zod-free so the renderer can use them: which chapters exist (the
 * cover and contents are always there), the export formats, and how a first report is made.
 */
export const REPORT_SECTIONS = ['summary', 'processes', 'comparison', 'documented', 'opportunities', 'people', 'observations', 'appendix'] as const;

export const EXPORT_FORMATS = ['docx', 'bpmn', 'svg', 'png', 'csv'] as const;

/** The paper of the process maps: the text pages' own, turned, or A3. */
export const MAP_PAPERS = ['a4', 'a3'] as const;

/** Languages offered for the document, besides the system's own; any other tag can be given in the options file. */
export const REPORT_LANGUAGES = ['en-GB', 'en-US', 'en-AU', 'de-DE', 'fr-FR', 'nl-NL', 'es-ES', 'it-IT', 'pt-PT', 'pt-BR', 'sv-SE', 'da-DK', 'nb-NO', 'fi-FI', 'pl-PL', 'ja-JP', 'zh-CN'] as const;

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  sections: [...REPORT_SECTIONS],
  // People safety: what leaves the laptop names nobody unless the consultant decides otherwise.
  anonymise: true,
  nameIndividuals: false,
  includeQuestions: true,
  confidential: true,
  brandColor: '#1f4e79',
  logoPath: '',
  mapPaper: 'a4',
  language: '',
  templatePath: '',
};
