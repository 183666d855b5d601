import { BorderStyle, Footer, Header, PageNumber, PageOrientation, Paragraph, TabStopType, TextRun, type FileChild, type ISectionOptions } from 'docx';
import { clip, oneLine } from '../../../core/xml';
import type { ReportContext } from './context';
import { MUTED, PAIN, RULE } from './styles';
import { run } from './text';

/** Pages: A4 in portrait or landscape, and the header and footer every page but the cover carries. */

// A4 in twips (1/20 pt) with 2.2 cm side margins and 2.5 cm top and bottom.
export const PAGE = { short: 11906, long: 16838, side: 1247, top: 1418, bottom: 1418, header: 709, footer: 709 };
export const TWIPS_PER_PX = 15;
export const PORTRAIT_WIDTH = PAGE.short - 2 * PAGE.side;
export const LANDSCAPE_WIDTH = PAGE.long - 2 * PAGE.side;
export const LANDSCAPE_HEIGHT = PAGE.short - PAGE.top - PAGE.bottom;

export type Orientation = 'portrait' | 'landscape';
export interface Block {
  orientation: Orientation;
  children: FileChild[];
}

export function pageSection(ctx: ReportContext, block: Block): ISectionOptions {
  const landscape = block.orientation === 'landscape';
  const width = landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
  const small = { size: 16, color: MUTED };
  const header = new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: width }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
        children: [
          run(clip(ctx.clientName(), 120), { ...small }),
          ...(ctx.input.options.confidential ? [new TextRun({ text: '\tCONFIDENTIAL', size: 16, bold: true, color: PAIN })] : []),
        ],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: width }],
        children: [
          run(clip(`${oneLine(ctx.input.data.engagement.name) || 'Engagement'} · Discovery report`, 140), { ...small }),
          new TextRun({ children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], ...small }),
        ],
      }),
    ],
  });
  return {
    properties: {
      page: {
        // docx swaps width and height itself for landscape pages.
        size: { width: PAGE.short, height: PAGE.long, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side, header: PAGE.header, footer: PAGE.footer },
      },
    },
    headers: { default: header },
    footers: { default: footer },
    children: block.children,
  };
}
