import { BpmnModdle } from 'bpmn-moddle';

/** The part of bpmn-moddle that writes BPMN (main's declaration covers reading only). */
interface Writer {
  create(type: string, attributes: Record<string, unknown>): Record<string, unknown>;
  toXML(element: unknown, options: { format: boolean }): Promise<{ xml: string }>;
}

/**
 * The client's written password-reset procedure, as a modeller writes it (two lanes, no diagram
 * information): most steps are what the sample's observed "Password reset" shows, one is done by
 * another role there, and one is never done.
 */
export async function passwordProcedureBpmn(): Promise<string> {
  const moddle = new BpmnModdle() as unknown as Writer;
  const lanes = { emp: 'Employee', desk: 'Service desk' } as const;
  const nodes: [string, keyof typeof lanes, string, string][] = [
    ['start', 'emp', 'bpmn:StartEvent', 'Cannot log in'],
    ['ring', 'emp', 'bpmn:Task', 'Ring the service desk'],
    ['log', 'desk', 'bpmn:UserTask', 'Log the call'],
    ['ask', 'desk', 'bpmn:Task', 'Ask security questions'],
    ['reset', 'desk', 'bpmn:UserTask', 'Reset to a temporary password'],
    ['email', 'desk', 'bpmn:Task', 'Email password to the manager'],
    ['close', 'desk', 'bpmn:Task', 'Close the ticket'],
    ['end', 'emp', 'bpmn:EndEvent', 'Back at work'],
  ];
  const elements = nodes.map(([id, , type, name]) => moddle.create(type, { id, name }));
  const flows = elements.slice(1).map((target, i) => {
    const source = elements[i];
    const flow = moddle.create('bpmn:SequenceFlow', { id: `f${i}`, sourceRef: source, targetRef: target });
    if (source) source['outgoing'] = [flow];
    target['incoming'] = [flow];
    return flow;
  });
  const laneSet = moddle.create('bpmn:LaneSet', {
    id: 'lanes',
    lanes: Object.entries(lanes).map(([key, name]) =>
      moddle.create('bpmn:Lane', { id: `lane-${key}`, name, flowNodeRef: elements.filter((_, i) => nodes[i]?.[1] === key) }),
    ),
  });
  const process = moddle.create('bpmn:Process', { id: 'pr', name: 'Password reset procedure', isExecutable: false, laneSets: [laneSet], flowElements: [...elements, ...flows] });
  const definitions = moddle.create('bpmn:Definitions', { id: 'defs', targetNamespace: 'http://example.com/bpmn', rootElements: [process] });
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}

