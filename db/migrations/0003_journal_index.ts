/** Every edit forgets the redo branch (undone entries); without an index that scans the whole history. */
export const sql = `
CREATE INDEX journal_undone ON journal(id) WHERE undone = 1;
`;
