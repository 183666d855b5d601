/** What the engagement sets out to achieve, written in the Engagement details dialog; the report's summary tells it. */
export const sql = `
ALTER TABLE engagement ADD COLUMN objectives TEXT NOT NULL DEFAULT '';
`;
