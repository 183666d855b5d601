import { FileChild, Table, type IContext, type IXmlableObject } from 'docx';

/**
 * A table of plain text written as the XML docx would write for it, without docx's objects for
 * every cell, run and property: the 20,000 cells of a 2,000-step report took a third of its
 * writing time and a third of its memory as docx objects. The page-number estimator reads it as
 * it reads any table.
 */
export class WrittenTable extends FileChild {
  constructor(private readonly xml: IXmlableObject) {
    super('w:tbl');
  }

  override prepForXml(_context: IContext): IXmlableObject {
    return this.xml;
  }
}

/** Whether a block of the body is a table, however it was made. */
export function isTable(child: FileChild): boolean {
  return child instanceof Table || child instanceof WrittenTable;
}
