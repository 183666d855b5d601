/**
 * Text typed in a workshop goes into XML files the client opens (SVG, BPMN, Word), so anything
 * XML 1.0 cannot carry is dropped rather than allowed to make the whole file unreadable.
 */

/**
 * Removes characters XML 1.0 forbids: C0 controls other than tab, newline and carriage return,
 * lone surrogate halves (a pasted, half-cut emoji), and the non-characters U+FFFE/U+FFFF.
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Safe for element content and for attribute values in either quote style. */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Collapses runs of whitespace (newlines included) to single spaces, for one-line labels. */
export function oneLine(text: string): string {
  return xmlSafe(text).replace(/\s+/g, ' ').trim();
}

/** Cuts text to at most `max` code points, ending with an ellipsis, never inside a surrogate pair. */
export function clip(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}
