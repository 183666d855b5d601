import { labelsOf } from './messages';
import type { FOUR_PS, FREQUENCIES, HORIZONS, LaneKind, RESISTANCE_SOURCES, StepKind, WASTE_TYPES } from './vocabulary';

/**
 * The names of the brief's choices as the documents Shoshin writes show them (the report, the CSV
 * registers, BPMN, the drawings), each a catalogue entry. The UI has its own in the renderer's catalogue.
 */

export const STEP_KIND_LABELS = labelsOf<StepKind>({
  start: 'label.stepKind.start',
  end: 'label.stepKind.end',
  activity: 'label.stepKind.activity',
  decision: 'label.stepKind.decision',
  wait: 'label.stepKind.wait',
  subprocess: 'label.stepKind.subprocess',
});

export const LANE_KIND_LABELS = labelsOf<LaneKind>({
  role: 'label.laneKind.role',
  team: 'label.laneKind.team',
  system: 'label.laneKind.system',
  partner: 'label.laneKind.partner',
});

export const WASTE_LABELS = labelsOf<(typeof WASTE_TYPES)[number]>({
  handoff: 'label.waste.handoff',
  queue: 'label.waste.queue',
  motion: 'label.waste.motion',
  waiting: 'label.waste.waiting',
  overproduction: 'label.waste.overproduction',
  overprocessing: 'label.waste.overprocessing',
  defect: 'label.waste.defect',
  unused_skills: 'label.waste.unusedSkills',
});

export const FOUR_P_LABELS = labelsOf<(typeof FOUR_PS)[number]>({
  people: 'label.fourP.people',
  process: 'label.fourP.process',
  partners: 'label.fourP.partners',
  products: 'label.fourP.products',
});

export const FREQUENCY_LABELS = labelsOf<(typeof FREQUENCIES)[number]>({
  rare: 'label.frequency.rare',
  monthly: 'label.frequency.monthly',
  weekly: 'label.frequency.weekly',
  daily: 'label.frequency.daily',
  constant: 'label.frequency.constant',
});

export const RESISTANCE_LABELS = labelsOf<(typeof RESISTANCE_SOURCES)[number]>({
  failed_before: 'label.resistance.failedBefore',
  prefers_current: 'label.resistance.prefersCurrent',
  fears_blame: 'label.resistance.fearsBlame',
  other: 'label.resistance.other',
});

export const HORIZON_LABELS = labelsOf<(typeof HORIZONS)[number]>({
  quick_win: 'label.horizon.quickWin',
  next: 'label.horizon.next',
  later: 'label.horizon.later',
});
