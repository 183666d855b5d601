import { BorderStyle, LineRuleType, type IStylesOptions } from 'docx';
import { contrast, luminance, PRINT, wordColor } from '../../../core/palette';

/** How the report looks: Word's own styles, set up once, and the colours the chapters use. */

export const FONT = 'Arial';
export const TEXT = wordColor(PRINT.text);
export const MUTED = wordColor(PRINT.textMuted);
export const RULE = wordColor(PRINT.borderStrong);
export const PAIN = wordColor(PRINT.pain);

/** The brand colour where it reads on white (WCAG 3:1 for large text); otherwise the body text colour. */
export function headingColor(brand: string): string {
  return contrast(brand, PRINT.paper) >= 3 ? wordColor(brand) : TEXT;
}

function tableStyleXml(brand: string): string {
  const fill = wordColor(brand);
  const onBrand = luminance(brand) > 0.4 ? TEXT : wordColor(PRINT.onAccent);
  return (
    '<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:qFormat/>' +
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="252" w:lineRule="auto"/></w:pPr>' +
    '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>' +
    '<w:tblPr><w:tblBorders>' +
    `<w:top w:val="single" w:sz="6" w:space="0" w:color="${RULE}"/><w:bottom w:val="single" w:sz="6" w:space="0" w:color="${RULE}"/>` +
    `<w:insideH w:val="single" w:sz="4" w:space="0" w:color="${wordColor(PRINT.border)}"/></w:tblBorders>` +
    '<w:tblCellMar><w:top w:w="72" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="72" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="${onBrand}"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${fill}"/></w:tcPr></w:tblStylePr>` +
    '</w:style>'
  );
}

export function stylesXml(brand: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">' +
    tableStyleXml(brand) +
    '</w:styles>'
  );
}

/** Word's own styles (Normal, Title, headings, caption, contents) in the report's font and colours. */
export function documentStyles(brandColor: string): IStylesOptions {
  const brand = wordColor(brandColor);
  const accent = headingColor(brandColor);
  return {
  default: {
    document: { run: { font: FONT, size: 21, color: TEXT }, paragraph: { spacing: { after: 140, line: 276, lineRule: LineRuleType.AUTO } } },
    title: { run: { font: FONT, size: 60, bold: true, color: TEXT }, paragraph: { spacing: { after: 200 } } },
    heading1: { run: { font: FONT, size: 36, bold: true, color: accent }, paragraph: { spacing: { before: 0, after: 240 }, keepNext: true } },
    heading2: { run: { font: FONT, size: 26, bold: true, color: accent }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
    heading3: { run: { font: FONT, size: 22, bold: true, color: TEXT }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
    caption: { run: { font: FONT, size: 17, italics: true, color: MUTED }, paragraph: { spacing: { before: 80, after: 240 } } },
  },
  paragraphStyles: [
    { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 32, color: MUTED }, paragraph: { spacing: { after: 240 } } },
    { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { spacing: { before: 80, after: 20 } } },
    { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 240 }, spacing: { after: 0 } } },
    { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 36, bold: true, color: accent }, paragraph: { spacing: { after: 240 } } },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true, color: TEXT, size: 22 },
      paragraph: { indent: { left: 360 }, spacing: { before: 160, after: 40 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: brand, space: 10 } } },
    },
    { id: 'QuoteSource', name: 'Quote Source', basedOn: 'Normal', next: 'Normal', run: { size: 18, color: MUTED }, paragraph: { indent: { left: 360 }, spacing: { after: 200 } } },
  ],
  };
}
