/** The part of bpmn-moddle the tests use; the package ships types for its model only, not its entry point. */
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    fromXML(xml: string): Promise<{ rootElement: unknown; warnings: { message: string }[] }>;
  }
}
