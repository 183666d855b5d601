/**
 * The part of bpmn-moddle Shoshin uses; the package ships types for its model only, not its entry
 * point. Elements are read through main/import/bpmn.ts's own narrow view of them.
 */
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    fromXML(xml: string): Promise<{ rootElement: unknown; warnings: { message: string }[] }>;
  }
}
