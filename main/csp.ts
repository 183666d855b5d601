/**
 * The one Content-Security-Policy of the renderer, in every shell: the Electron window (app://), the
 * browser host (http://127.0.0.1) and, as a <meta> fallback, the built index.html itself.
 * 'self' is the renderer's own origin; the ELK layout and the flow routing run in module workers loaded
 * from it. 'wasm-unsafe-eval' is the one addition for the routing worker: it lets it compile
 * libavoid's WebAssembly (shipped in the build, fetched from 'self' like any script). It allows
 * WebAssembly.compile/instantiate only; eval(), new Function() and strings as code stay refused, and
 * no WebAssembly can come from elsewhere. It is in the one policy rather than on the worker's response
 * alone because a dedicated worker takes its creator's policy in some shells (the <meta> fallback,
 * custom schemes), and routing that silently fails would leave the canvas on provisional lines.
 */
// One literal string, so static checkers such as Electronegativity can read and check it.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** The same policy for a <meta> tag, which cannot carry frame-ancestors (browsers ignore it there and warn). */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
