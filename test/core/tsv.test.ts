import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCells, parseCells } from '../../core/tsv';

describe('a block of cells from a spreadsheet', () => {
  it('splits rows and cells, with CRLF from Excel and LF from Calc, and no row for the last line break', () => {
    expect(parseCells('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCells('a\tb\nc\td\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCells('one cell')).toEqual([['one cell']]);
    expect(parseCells('a\rb')).toEqual([['a'], ['b']]);
  });

  it('keeps empty cells and empty rows in the middle, where they stand for blank cells', () => {
    expect(parseCells('a\t\tc\n\nd\t')).toEqual([['a', '', 'c'], [''], ['d', '']]);
  });

  it('reads quoted cells holding line breaks, tabs and doubled quotes', () => {
    expect(parseCells('"Log the call\r\nin the tool"\t10\r\n"Say ""hi""\tthen wait"\t5\r\n')).toEqual([
      ['Log the call\r\nin the tool', '10'],
      ['Say "hi"\tthen wait', '5'],
    ]);
  });

  it('keeps a quote that opens no quoted cell as text', () => {
    expect(parseCells('"12" screen\tx')).toEqual([['"12" screen', 'x']]);
    expect(parseCells('He said "no"\t"unclosed')).toEqual([['He said "no"', '"unclosed']]);
  });

  it('writes what it reads', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r\n', '"', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(parseCells(formatCells(rows))).toEqual(rows);
      }),
    );
  });
});
