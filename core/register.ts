import { msg, type Message, type MessageValue } from './messages';
import { laneOfPainPoint } from './metrics';
import type { Flow, Lane, PainPoint, Person, Process, Step, Vote } from './model';

/** One line of the pain-point register: the pain point and what a reader needs to place it. */
export interface RegisterRow extends PainPoint {
  processName: string;
  /** The lane the pain point weighs on (see laneOfPainPoint); null for process-wide ones or steps with no lane. */
  laneId: string | null;
  laneName: string;
  /** What the marker sits on, as a message: "Step: Log the call", "Flow: Verify → Reset", "Lane: HR", "Whole process". */
  targetLabel: Message;
  raisedByName: string;
  votes: number;
}

export interface RegisterInput {
  processes: readonly Pick<Process, 'id' | 'name'>[];
  lanes: readonly Pick<Lane, 'id' | 'name'>[];
  steps: readonly Pick<Step, 'id' | 'text' | 'laneId' | 'kind'>[];
  flows: readonly Pick<Flow, 'id' | 'sourceId' | 'targetId' | 'label'>[];
  painPoints: readonly PainPoint[];
  votes: readonly Vote[];
  people: readonly Pick<Person, 'id' | 'name'>[];
}

function stepName(step: Pick<Step, 'text' | 'kind'> | undefined): MessageValue {
  if (!step) return msg('register.deletedStep');
  if (step.text) return step.text;
  return msg(step.kind === 'start' ? 'register.start' : step.kind === 'end' ? 'register.end' : 'register.untitledStep');
}

/** The engagement-wide register, in process order and then by pain-point number. */
export function buildRegister(input: RegisterInput): RegisterRow[] {
  const processes = new Map(input.processes.map((p, index) => [p.id, { name: p.name, index }]));
  const lanes = new Map(input.lanes.map((l) => [l.id, l.name]));
  const laneIds = new Set(lanes.keys());
  const steps = new Map(input.steps.map((s) => [s.id, s]));
  const flows = new Map(input.flows.map((f) => [f.id, f]));
  const people = new Map(input.people.map((p) => [p.id, p.name]));
  const dots = new Map<string, number>();
  for (const v of input.votes) dots.set(v.painPointId, (dots.get(v.painPointId) ?? 0) + v.dots);

  const label = (p: PainPoint): Message => {
    switch (p.targetKind) {
      case 'process':
        return msg('register.process');
      case 'lane': {
        const lane = lanes.get(p.targetId);
        return lane === undefined ? msg('register.deletedLane') : msg('register.lane', { lane });
      }
      case 'step':
        return msg('register.step', { step: stepName(steps.get(p.targetId)) });
      case 'flow': {
        const flow = flows.get(p.targetId);
        if (!flow) return msg('register.deletedFlow');
        const ends = { from: stepName(steps.get(flow.sourceId)), to: stepName(steps.get(flow.targetId)) };
        return flow.label ? msg('register.flowLabelled', { ...ends, label: flow.label }) : msg('register.flow', ends);
      }
    }
  };

  return [...input.painPoints]
    .sort((a, b) => (processes.get(a.processId)?.index ?? 0) - (processes.get(b.processId)?.index ?? 0) || a.number - b.number)
    .map((p) => {
      const lane = laneOfPainPoint(p, steps, flows, laneIds);
      const laneId = lane?.laneId ?? null;
      return {
        ...p,
        processName: processes.get(p.processId)?.name ?? '',
        laneId,
        laneName: laneId ? (lanes.get(laneId) ?? '') : '',
        targetLabel: label(p),
        raisedByName: p.raisedBy ? (people.get(p.raisedBy) ?? '') : '',
        votes: dots.get(p.id) ?? 0,
      };
    });
}
