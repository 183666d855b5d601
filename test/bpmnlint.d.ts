/** The part of bpmnlint the tests use; it ships no types for its entry points. */
declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: { extends: string; rules?: Record<string, string> }; resolver: unknown });
    lint(root: unknown): Promise<Record<string, { category: string; message: string; id?: string }[]>>;
  }
}

declare module 'bpmnlint/lib/resolver/node-resolver' {
  export default class NodeResolver {}
}
