import type { RefObject } from 'react';
import type { ProcessView, Step, StepKind } from '../../../core/model';
import { navigator, type Direction } from '../../../core/navigation';
import { useCommands, type Command } from '../commands';
import { useMode } from '../mode';
import { useSelection } from '../selection';
import { t, type StringKey } from '../i18n';
import { useCanvasUi } from './canvasUi';
import { walkStory } from './useCanvasView';
import { workingView, type CaptureActions } from './useCapture';

const KIND_KEYS: { kind: StepKind; key: string; title: StringKey }[] = [
  { kind: 'activity', key: '1', title: 'capture.canvas.kind.activity' },
  { kind: 'decision', key: '2', title: 'capture.canvas.kind.decision' },
  { kind: 'start', key: '3', title: 'capture.canvas.kind.start' },
  { kind: 'end', key: '4', title: 'capture.canvas.kind.end' },
  { kind: 'wait', key: '5', title: 'capture.canvas.kind.wait' },
  { kind: 'subprocess', key: '6', title: 'capture.canvas.kind.subprocess' },
];

/** The one selected step, read when a command runs (not when it was registered). */
export function singleSelected(): Step | null {
  const ids = useSelection.getState().ids;
  if (ids.size !== 1) return null;
  const id = [...ids][0];
  return workingView()?.steps.find((s) => s.id === id) ?? null;
}

/** Arrow-key navigation over the view as it is now; rebuilt only when the view changes. */
let navCache: { view: ProcessView; go: ReturnType<typeof navigator> } | null = null;
function navigate(direction: Direction): string | null {
  const view = workingView();
  if (!view) return null;
  if (navCache?.view !== view) navCache = { view, go: navigator(view) };
  const current = singleSelected();
  return navCache.go(current?.id ?? null, direction);
}

export interface CanvasCommandDeps {
  capture: CaptureActions;
  wrapper: RefObject<HTMLDivElement | null>;
  deleteSelection: () => void;
  fit: () => Promise<void>;
}

/** The canvas's keyboard commands, registered in the one command registry (palette, ? sheet, menus). */
export function useCanvasCommands({ capture, wrapper, deleteSelection, fit }: CanvasCommandDeps): void {
  const { openDialog, setFindOpen, togglePanel } = useCanvasUi.getState();
  const setSelection = useSelection.getState().set;
  const canvasFocused = () => !!wrapper.current?.contains(document.activeElement) && !useCanvasUi.getState().editingId;
  const withStep = (run: (step: Step) => void) => () => {
    const step = singleSelected();
    if (step) run(step);
  };
  const stepCommand = (command: Omit<Command, 'enabled' | 'run'> & { run: (step: Step) => void; when?: (step: Step) => boolean }): Command => ({
    ...command,
    enabled: () => {
      const step = canvasFocused() ? singleSelected() : null;
      return !!step && (!command.when || command.when(step));
    },
    run: withStep(command.run),
  });
  const move = (direction: Direction) => () => {
    // Presenting, every arrow walks the story one step, like Page Down and Page Up.
    if (useMode.getState().presenter) return walkStory(direction === 'right' || direction === 'down' ? 1 : -1, capture.show);
    const next = navigate(direction);
    if (next) capture.show(next);
  };

  useCommands(
    () => [
      { id: 'step.next', title: t('capture.canvas.cmd.next'), group: t('capture.canvas.group.capture'), shortcut: 'Enter', enabled: canvasFocused, run: () => capture.addNext(singleSelected()?.id ?? null) },
      stepCommand({ id: 'step.branch', title: t('capture.canvas.cmd.branch'), group: t('capture.canvas.group.capture'), shortcut: 'Shift+Enter', run: (s) => capture.addBranch(s.id) }),
      stepCommand({ id: 'step.rename', title: t('capture.canvas.cmd.rename'), group: t('capture.canvas.group.capture'), shortcut: 'F2', run: (s) => capture.rename(s.id) }),
      stepCommand({
        id: 'step.question',
        title: t('capture.canvas.cmd.question'),
        group: t('capture.canvas.group.capture'),
        shortcut: 'Q',
        run: (s) => openDialog({ kind: 'question', stepId: s.id }),
      }),
      stepCommand({ id: 'step.join', title: t('capture.canvas.cmd.join'), group: t('capture.canvas.group.capture'), shortcut: 'J', run: (s) => openDialog({ kind: 'join', stepId: s.id }) }),
      stepCommand({ id: 'step.laneUp', title: t('capture.canvas.cmd.laneUp'), group: t('capture.canvas.group.capture'), shortcut: 'Alt+ArrowUp', run: (s) => capture.moveToLane(s.id, 'up') }),
      stepCommand({ id: 'step.laneDown', title: t('capture.canvas.cmd.laneDown'), group: t('capture.canvas.group.capture'), shortcut: 'Alt+ArrowDown', run: (s) => capture.moveToLane(s.id, 'down') }),
      ...KIND_KEYS.map(({ kind, key, title }) =>
        stepCommand({ id: `step.kind.${kind}`, title: t(title), group: t('capture.canvas.group.stepKind'), shortcut: `Alt+${key}`, when: (s) => s.kind !== kind, run: (s) => capture.setKind(s.id, kind) }),
      ),
      stepCommand({
        id: 'step.details',
        title: t('capture.canvas.cmd.details'),
        group: t('capture.canvas.group.capture'),
        shortcut: 'Alt+Enter',
        run: () => {
          if (!useCanvasUi.getState().panelOpen) togglePanel();
          requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-details-first]')?.focus());
        },
      }),
      {
        id: 'process.typeToMap',
        title: t('capture.canvas.cmd.typeToMap'),
        group: t('capture.canvas.group.capture'),
        shortcut: 'Mod+I',
        enabled: () => !useCanvasUi.getState().dialog,
        run: () => openDialog({ kind: 'typeToMap', text: '' }),
      },
      { id: 'lane.add', title: t('capture.canvas.cmd.addLane'), group: t('capture.canvas.group.lanes'), run: () => openDialog({ kind: 'addLane' }) },
      stepCommand({
        id: 'lane.options',
        title: t('capture.canvas.cmd.laneOptions'),
        group: t('capture.canvas.group.lanes'),
        shortcut: 'L',
        when: (s) => s.laneId !== null,
        run: (s) => s.laneId && openDialog({ kind: 'lane', laneId: s.laneId }),
      }),
      { id: 'select.right', title: t('capture.canvas.cmd.right'), group: t('capture.canvas.group.navigate'), shortcut: 'ArrowRight', enabled: canvasFocused, run: move('right') },
      { id: 'select.left', title: t('capture.canvas.cmd.left'), group: t('capture.canvas.group.navigate'), shortcut: 'ArrowLeft', enabled: canvasFocused, run: move('left') },
      { id: 'select.up', title: t('capture.canvas.cmd.up'), group: t('capture.canvas.group.navigate'), shortcut: 'ArrowUp', enabled: canvasFocused, run: move('up') },
      { id: 'select.down', title: t('capture.canvas.cmd.down'), group: t('capture.canvas.group.navigate'), shortcut: 'ArrowDown', enabled: canvasFocused, run: move('down') },
      stepCommand({
        id: 'process.openSubprocess',
        title: t('capture.canvas.cmd.openSubprocess'),
        group: t('capture.canvas.group.navigate'),
        shortcut: 'Mod+ArrowDown',
        when: (s) => s.kind === 'subprocess',
        run: (s) => void capture.openSubprocess(s.id),
      }),
      {
        id: 'process.parent',
        title: t('capture.canvas.cmd.parent'),
        group: t('capture.canvas.group.navigate'),
        shortcut: 'Mod+ArrowUp',
        enabled: () => canvasFocused() && (workingView()?.breadcrumbs.length ?? 0) > 0,
        run: () => void capture.goToParent(),
      },
      { id: 'canvas.find', title: t('capture.canvas.cmd.find'), group: t('capture.canvas.group.navigate'), shortcut: 'Mod+F', whileTyping: true, run: () => setFindOpen(true) },
      { id: 'canvas.fit', title: t('capture.canvas.cmd.fit'), group: t('capture.canvas.group.view'), shortcut: 'Mod+0', run: () => void fit() },
      { id: 'canvas.tidy', title: t('capture.canvas.cmd.tidy'), group: t('capture.canvas.group.capture'), shortcut: 'Mod+Shift+L', run: capture.tidy },
      { id: 'canvas.panel', title: t('capture.canvas.cmd.panel'), group: t('capture.canvas.group.view'), run: togglePanel },
      { id: 'selection.delete', title: t('capture.canvas.cmd.delete'), group: t('capture.canvas.group.edit'), shortcut: 'Delete', enabled: () => canvasFocused() && useSelection.getState().ids.size > 0, run: deleteSelection },
      { id: 'selection.deleteBack', title: t('capture.canvas.cmd.delete'), group: t('capture.canvas.group.edit'), shortcut: 'Backspace', enabled: () => canvasFocused() && useSelection.getState().ids.size > 0, run: deleteSelection },
      { id: 'selection.clear', title: t('capture.canvas.cmd.clear'), group: t('capture.canvas.group.edit'), shortcut: 'Escape', enabled: canvasFocused, run: () => setSelection([]) },
    ],
    [capture, deleteSelection, fit, openDialog, setFindOpen, setSelection, togglePanel, wrapper],
  );

}
