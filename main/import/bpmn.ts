import { BpmnModdle } from 'bpmn-moddle';
import { format, msg } from '../../core/messages';
import { ShoshinError } from '../../core/errors';
import { addNote, countSkipped, MAX_IMPORT_STEPS, type ImportPlan, type PlannedLane, type PlannedProcess, type PlannedStep, type SourceBounds } from '../../core/import/plan';
import { MAX_NAME, MAX_TEXT, type StepKind } from '../../core/vocabulary';

/**
 * BPMN 2.0 as Camunda Modeler, Signavio, Bizagi and ARIS write it, read with bpmn-moddle into an
 * import plan. Processes (a pool's process is named after the pool) become processes; lanes
 * become lanes (a pool without lanes becomes one lane named after the pool); tasks, events and
 * gateways become steps; sub-processes become child processes the step drills down into; sequence
 * flows become flows with their names. Everything else is counted as skipped, never fatal.
 */

/** bpmn-moddle's elements, as far as this reader looks at them. */
interface El {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

const KIND: Readonly<Record<string, StepKind>> = {
  'bpmn:StartEvent': 'start',
  'bpmn:EndEvent': 'end',
  'bpmn:IntermediateCatchEvent': 'wait',
  'bpmn:IntermediateThrowEvent': 'wait',
  'bpmn:BoundaryEvent': 'wait',
  'bpmn:Task': 'activity',
  'bpmn:UserTask': 'activity',
  'bpmn:ManualTask': 'activity',
  'bpmn:ServiceTask': 'activity',
  'bpmn:ScriptTask': 'activity',
  'bpmn:BusinessRuleTask': 'activity',
  'bpmn:SendTask': 'activity',
  'bpmn:ReceiveTask': 'activity',
  'bpmn:ExclusiveGateway': 'decision',
  'bpmn:InclusiveGateway': 'decision',
  'bpmn:ParallelGateway': 'decision',
  'bpmn:EventBasedGateway': 'decision',
  'bpmn:ComplexGateway': 'decision',
  'bpmn:CallActivity': 'subprocess',
  'bpmn:SubProcess': 'subprocess',
  'bpmn:AdHocSubProcess': 'subprocess',
  'bpmn:Transaction': 'subprocess',
};

const CONTAINERS = new Set(['bpmn:SubProcess', 'bpmn:AdHocSubProcess', 'bpmn:Transaction']);

/** What a skipped element is counted as: "dataStoreReference" for bpmn:DataStoreReference. */
function skippedName(type: string): string {
  const local = type.replace(/^[^:]*:/, '');
  return local.charAt(0).toLowerCase() + local.slice(1);
}

function list(value: unknown): El[] {
  return Array.isArray(value) ? (value as El[]) : [];
}

function one(value: unknown): El | null {
  return typeof value === 'object' && value !== null && typeof (value as El).$type === 'string' ? (value as El) : null;
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

function nameOf(el: El | null | undefined): string {
  return typeof el?.name === 'string' ? el.name.replace(/\s+/g, ' ').trim() : '';
}

function documentationOf(el: El): string {
  return clip(
    list(el.documentation)
      .map((d) => (typeof d.text === 'string' ? d.text.trim() : ''))
      .filter(Boolean)
      .join('\n\n'),
    MAX_TEXT,
  );
}

/** A document type declaration: BPMN never needs one, and entity-expansion bombs live in it. */
const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;

export async function bpmnToPlan(xml: string): Promise<ImportPlan> {
  if (DOCTYPE.test(xml)) {
    throw new ShoshinError('bad_file', msg('import.bpmn.entities'));
  }
  let parsed: { rootElement: unknown; warnings: { message: string }[] };
  try {
    parsed = await new BpmnModdle().fromXML(xml);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/failed to parse document as <bpmn:Definitions>/.test(message)) {
      throw new ShoshinError('bad_file', msg('import.bpmn.notBpmn'));
    }
    throw new ShoshinError('bad_file', msg('import.bpmn.notXml'));
  }
  const root = one(parsed.rootElement);
  if (!root || root.$type !== 'bpmn:Definitions') throw new ShoshinError('bad_file', msg('import.bpmn.notBpmn'));
  const plan: ImportPlan = { format: 'bpmn', processes: [], skipped: {}, notes: [] };
  const unknown = parsed.warnings.filter((w) => /unknown type|unrecognized element/.test(w.message)).length;
  if (unknown > 0) countSkipped(plan.skipped, 'unknownElements', unknown);
  if (parsed.warnings.length > unknown) addNote(plan, msg('import.note.unreadableParts', { count: parsed.warnings.length - unknown }));
  const reader = new Reader(root, plan);
  reader.read();
  if (reader.parallelGateways > 0) {
    addNote(plan, reader.parallelGateways === 1 ? msg('import.note.parallelGateway.one') : msg('import.note.parallelGateway.other', { count: reader.parallelGateways }));
  }
  return plan;
}

class Reader {
  private readonly bounds = new Map<string, SourceBounds>();
  private readonly processKeys = new Map<El, string>();
  private readonly stepKeys = new Map<El, string>();
  /** Call activities and the process they call, resolved once every process has a key. */
  private readonly calls: { step: PlannedStep; called: string }[] = [];
  private count = 0;
  /** Parallel gateways read as flows (see dissolveParallelGateways), for one note. */
  parallelGateways = 0;

  constructor(
    private readonly root: El,
    private readonly plan: ImportPlan,
  ) {}

  private key(prefix: string): string {
    return `${prefix}-${this.count++}`;
  }

  read(): void {
    for (const diagram of list(this.root.diagrams)) {
      for (const shape of list(one(diagram.plane)?.planeElement)) {
        const element = one(shape.bpmnElement);
        const b = one(shape.bounds);
        if (shape.$type === 'bpmndi:BPMNShape' && element?.id && b) {
          this.bounds.set(element.id, { x: Number(b.x) || 0, y: Number(b.y) || 0, width: Number(b.width) || 0, height: Number(b.height) || 0 });
        }
      }
    }
    const processes = list(this.root.rootElements).filter((e) => e.$type === 'bpmn:Process');
    const pools = new Map<El, El>();
    for (const collaboration of list(this.root.rootElements).filter((e) => e.$type === 'bpmn:Collaboration')) {
      for (const participant of list(collaboration.participants)) {
        const ref = one(participant.processRef);
        if (ref) pools.set(ref, participant);
        else countSkipped(this.plan.skipped, 'poolsWithoutProcess');
      }
      const messageFlows = list(collaboration.messageFlows).length;
      if (messageFlows) countSkipped(this.plan.skipped, 'messageFlow', messageFlows);
      this.skipArtifacts(collaboration);
    }
    for (const process of processes) this.processKeys.set(process, this.key('process'));
    for (const process of processes) {
      const pool = pools.get(process) ?? null;
      this.readProcess(process, pool, null);
    }
    const byId = new Map(processes.map((p) => [p.id, p]));
    for (const { step, called } of this.calls) {
      const process = byId.get(called);
      const key = process ? (this.processKeys.get(process) ?? null) : null;
      step.opensProcessKey = key;
      // A called process no pool shows is the caller's drill-down, as a sub-process drawn in Shoshin is.
      const planned = this.plan.processes.find((p) => p.key === key);
      if (planned && process && !pools.has(process) && planned.parentStepKey === null && !this.isAncestor(planned.key, step.key)) planned.parentStepKey = step.key;
    }
    for (const other of list(this.root.rootElements)) {
      if (!['bpmn:Process', 'bpmn:Collaboration'].includes(other.$type)) countSkipped(this.plan.skipped, skippedName(other.$type));
    }
  }

  private skipArtifacts(container: El): void {
    for (const artifact of list(container.artifacts)) countSkipped(this.plan.skipped, skippedName(artifact.$type));
  }

  private readProcess(container: El, pool: El | null, parentStepKey: string | null): PlannedProcess {
    const key = this.processKeys.get(container) ?? this.key('process');
    this.processKeys.set(container, key);
    const name = clip(nameOf(pool) || nameOf(container) || format(msg('import.defaultProcess')), MAX_NAME);
    const process: PlannedProcess = { key, name, description: documentationOf(container), lanes: [], steps: [], flows: [], parentStepKey };
    this.plan.processes.push(process);

    const laneOfNode = new Map<El, string>();
    const leaves = (lane: El, prefix: string): void => {
      const children = list(one(lane.childLaneSet)?.lanes);
      const laneName = [prefix, nameOf(lane)].filter(Boolean).join(' / ');
      if (children.length > 0) {
        for (const child of children) leaves(child, laneName);
        return;
      }
      const planned: PlannedLane = { key: this.key(`${key}-lane`), name: clip(laneName || format(msg('import.defaultLane')), MAX_NAME), kind: 'role', bounds: lane.id ? (this.bounds.get(lane.id) ?? null) : null };
      process.lanes.push(planned);
      for (const node of list(lane.flowNodeRef)) laneOfNode.set(node, planned.key);
    };
    for (const laneSet of list(container.laneSets)) for (const lane of list(laneSet.lanes)) leaves(lane, '');
    if (process.lanes.length === 0 && pool) {
      process.lanes.push({ key: this.key(`${key}-lane`), name: name, kind: 'role', bounds: pool.id ? (this.bounds.get(pool.id) ?? null) : null });
    }
    const poolLane = process.lanes.length === 1 && laneOfNode.size === 0 ? (process.lanes[0]?.key ?? null) : null;

    const children: { element: El; step: PlannedStep }[] = [];
    const parallel = new Set<string>();
    const flows: El[] = [];
    for (const element of list(container.flowElements)) {
      if (element.$type === 'bpmn:SequenceFlow') {
        flows.push(element);
        continue;
      }
      const kind = KIND[element.$type];
      if (!kind) {
        countSkipped(this.plan.skipped, skippedName(element.$type));
        continue;
      }
      if (this.stepCount() >= MAX_IMPORT_STEPS) throw new ShoshinError('bad_file', msg('import.tooManySteps'));
      const stepKey = this.key(`${key}-step`);
      this.stepKeys.set(element, stepKey);
      const step: PlannedStep = {
        key: stepKey,
        laneKey: laneOfNode.get(element) ?? poolLane,
        kind,
        text: clip(nameOf(element), MAX_TEXT),
        description: documentationOf(element),
        system: '',
        workMinutes: null,
        waitMinutes: null,
        opensProcessKey: null,
        bounds: element.id ? (this.bounds.get(element.id) ?? null) : null,
      };
      process.steps.push(step);
      if (element.$type === 'bpmn:ParallelGateway') parallel.add(stepKey);
      if (CONTAINERS.has(element.$type)) children.push({ element, step });
      else if (element.$type === 'bpmn:CallActivity') {
        // bpmn-moddle keeps calledElement as the id it names, not a reference.
        if (typeof element.calledElement === 'string') this.calls.push({ step, called: element.calledElement });
      }
    }
    for (const flow of flows) {
      const source = this.stepKeys.get(one(flow.sourceRef) as El);
      const target = this.stepKeys.get(one(flow.targetRef) as El);
      if (!source || !target) {
        countSkipped(this.plan.skipped, 'flowsToSkippedElements');
        continue;
      }
      process.flows.push({ sourceKey: source, targetKey: target, label: clip(nameOf(flow), MAX_NAME) });
    }
    this.parallelGateways += dissolveParallelGateways(process, parallel);
    this.skipArtifacts(container);
    for (const { element, step } of children) {
      const child = this.readProcess(element, null, step.key);
      if (!child.name || child.name === format(msg('import.defaultProcess'))) child.name = step.text ? clip(step.text, MAX_NAME) : format(msg('import.defaultSubprocess'));
      step.opensProcessKey = child.key;
    }
    return process;
  }

  /** Whether the process `key` already contains the step (directly or through its drill-downs): a loop of calls. */
  private isAncestor(key: string, stepKey: string): boolean {
    const processOfStep = new Map(this.plan.processes.flatMap((p) => p.steps.map((st) => [st.key, p] as const)));
    const seen = new Set<string>();
    for (let process = processOfStep.get(stepKey); process && !seen.has(process.key); process = process.parentStepKey ? processOfStep.get(process.parentStepKey) : undefined) {
      if (process.key === key) return true;
      seen.add(process.key);
    }
    return false;
  }

  private stepCount(): number {
    return this.plan.processes.reduce((n, p) => n + p.steps.length, 0);
  }
}

/**
 * Shoshin has no parallel gateway: work done at the same time is drawn as flows leaving one step and
 * meeting at the next (core/bpmn.ts writes the parallel gateways back on export). So a gateway that
 * only splits or only joins becomes those flows: each step before it is joined to each step after
 * it. One after a decision (whose branch it is) or that both joins and splits stays a decision.
 * Returns how many gateways were read as flows.
 */
export function dissolveParallelGateways(process: PlannedProcess, gateways: ReadonlySet<string>): number {
  let dissolved = 0;
  for (const gateway of gateways) {
    const ins = process.flows.filter((f) => f.targetKey === gateway);
    const outs = process.flows.filter((f) => f.sourceKey === gateway);
    if (ins.length === 0 || outs.length === 0 || (ins.length > 1 && outs.length > 1)) continue;
    const kindOf = (key: string) => process.steps.find((s) => s.key === key)?.kind;
    if (ins.some((f) => kindOf(f.sourceKey) === 'decision' && !gateways.has(f.sourceKey))) continue;
    const through = new Set([...ins, ...outs]);
    const kept = process.flows.filter((f) => !through.has(f));
    const exists = (source: string, target: string) => kept.some((f) => f.sourceKey === source && f.targetKey === target);
    for (const into of ins) {
      for (const out of outs) {
        if (into.sourceKey === out.targetKey || exists(into.sourceKey, out.targetKey)) continue;
        // A branch keeps its own name: the label of the way in when it joins, of the way out when it splits.
        kept.push({ sourceKey: into.sourceKey, targetKey: out.targetKey, label: ins.length > 1 ? into.label : outs.length > 1 ? out.label : into.label || out.label });
      }
    }
    process.flows = kept;
    process.steps = process.steps.filter((s) => s.key !== gateway);
    dissolved++;
  }
  return dissolved;
}
