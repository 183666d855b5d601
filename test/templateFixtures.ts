import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import JSZip from 'jszip';
import { tempDir } from './helpers';

/** Word templates built for the tests of the firm's own look (issue 13 item 7), each plainly different. */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Look {
  font: string;
  headingColor: string;
  tableFill: string;
  /** Word translates built-in style ids (a German Word writes "berschrift1"); the name stays "heading 1". */
  headingId: string;
  page: { w: number; h: number };
  header: string | null;
  kind: 'dotx' | 'docx';
}

function logoPng(color: string): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="${color}"/><circle cx="20" cy="20" r="12" fill="#ffffff"/></svg>`;
  return Buffer.from(new Resvg(svg).render().asPng());
}

function headerXml(text: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    '<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="1143000" cy="381000"/><wp:docPr id="9001" name="Firm logo" descr="Firm logo"/>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="9001" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>' +
    '<pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1143000" cy="381000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>' +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:t xml:space="preserve">  ${text.replace(/&/g, "&amp;")}</w:t></w:r></w:p></w:hdr>`
  );
}

function stylesXml(look: Look): string {
  const heading = (id: string, name: string, size: number, level: number) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="${level}"/></w:pPr>` +
    `<w:rPr><w:rFonts w:ascii="${look.font}" w:hAnsi="${look.font}"/><w:b/><w:color w:val="${look.headingColor}"/><w:sz w:val="${size}"/></w:rPr></w:style>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${look.font}" w:hAnsi="${look.font}"/><w:sz w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    heading(look.headingId, 'heading 1', 40, 0) +
    heading(`${look.headingId.slice(0, -1)}2`, 'heading 2', 28, 1) +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="table" w:customStyle="1" w:styleId="FirmTable"><w:name w:val="Firm Table"/><w:basedOn w:val="TableNormal"/>' +
    `<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="12" w:space="0" w:color="${look.tableFill}"/><w:bottom w:val="single" w:sz="12" w:space="0" w:color="${look.tableFill}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="${look.tableFill}"/></w:tblBorders></w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${look.tableFill}"/></w:tcPr></w:tblStylePr></w:style>` +
    '</w:styles>'
  );
}

/** A Word template as Word writes one: main part, styles, a header with a picture, and a section's page set-up. */
export async function buildTemplate(look: Look, dir = tempDir()): Promise<string> {
  const zip = new JSZip();
  const main = look.kind === 'dotx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
      `<Override PartName="/word/document.xml" ContentType="${main}"/>` +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
      (look.header ? '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' : '') +
      '</Types>',
  );
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
      (look.header ? `<Relationship Id="rId2" Type="${REL}/header" Target="header1.xml"/>` : '') +
      '</Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body><w:p><w:r><w:t>Firm template</w:t></w:r></w:p>` +
      `<w:sectPr>${look.header ? '<w:headerReference w:type="default" r:id="rId2"/>' : ''}<w:pgSz w:w="${look.page.w}" w:h="${look.page.h}"/><w:pgMar w:top="1440" w:right="1080" w:bottom="1440" w:left="1080" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`,
  );
  zip.file('word/styles.xml', stylesXml(look));
  if (look.header) {
    zip.file('word/header1.xml', headerXml(look.header));
    zip.file('word/_rels/header1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdLogo" Type="${REL}/image" Target="media/logo.png"/></Relationships>`);
    zip.file('word/media/logo.png', logoPng(`#${look.tableFill}`));
  }
  const file = path.join(dir, `firm.${look.kind}`);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

export const LETTERHEAD: Look = { font: 'Georgia', headingColor: '8B0000', tableFill: '2E7D32', headingId: 'berschrift1', page: { w: 12240, h: 15840 }, header: 'Hartley & Grey Consulting', kind: 'dotx' };
export const PLAIN: Look = { font: 'Verdana', headingColor: '1565C0', tableFill: 'E65100', headingId: 'Heading1', page: { w: 11906, h: 16838 }, header: null, kind: 'docx' };

