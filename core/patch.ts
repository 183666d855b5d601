/**
 * What an edit form changed: the fields of `draft` whose values differ from the record it was
 * opened on. Update methods take a patch of the editable fields only, never the whole record
 * (its id and other fixed fields are refused), and an unchanged form sends nothing at all.
 */
export function changedFields<T extends object>(record: T, draft: Partial<T>): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(draft) as (keyof T)[]) {
    const value = draft[key];
    if (value === undefined || sameValue(record[key], value)) continue;
    patch[key] = value;
  }
  return patch;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  return Object.is(a, b);
}
