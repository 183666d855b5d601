/**
 * The one Content-Security-Policy of the renderer, in every shell: the Electron window (app://), the
 * browser host (http://127.0.0.1) and, as a <meta> fallback, the built index.html itself.
 * 'self' is the renderer's own origin; the ELK layout runs in a module worker loaded from it.
 */
// One literal string, so static checkers such as Electronegativity can read and check it.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** The same policy for a <meta> tag, which cannot carry frame-ancestors (browsers ignore it there and warn). */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
