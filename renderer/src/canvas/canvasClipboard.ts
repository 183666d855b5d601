import { useCallback, type ClipboardEvent, type RefObject } from 'react';
import { CLIPBOARD_MIME, clipboardText, copySteps, type ClipboardPayload } from '../../../core/clipboard';
import { useSelection } from '../selection';
import { useShoshin } from '../store';
import { useCanvasUi } from './canvasUi';
import { workingView } from './useCapture';

/** Copy, cut and paste on the canvas: steps for Shoshin, lines for everything else. */
export function useCanvasClipboard(wrapper: RefObject<HTMLDivElement | null>, deleteSelection: () => void) {
  const mutate = useShoshin((s) => s.mutate);
  const setSelection = useSelection((s) => s.set);
  const openDialog = useCanvasUi((s) => s.openDialog);
  /** Copy puts the selected steps on the clipboard twice: for Shoshin (any process, any engagement) and as lines for anything else. */
  const onCopy = useCallback((event: ClipboardEvent<HTMLDivElement>, cut = false) => {
    if (event.target !== wrapper.current || useCanvasUi.getState().editingId) return;
    const current = workingView();
    const payload = current ? copySteps(current, useSelection.getState().ids) : null;
    if (!payload) return;
    event.preventDefault();
    event.clipboardData.setData(CLIPBOARD_MIME, JSON.stringify(payload));
    event.clipboardData.setData('text/plain', clipboardText(payload));
    if (cut) deleteSelection();
  }, [deleteSelection, wrapper]);

  /** Copied steps paste as steps; plain lines are mapped, after a look at the preview. */
  const onPaste = useCallback((event: ClipboardEvent<HTMLDivElement>) => {
    if (event.target !== wrapper.current || useCanvasUi.getState().editingId) return;
    const copied = event.clipboardData.getData(CLIPBOARD_MIME);
    const current = workingView();
    if (copied && current) {
      event.preventDefault();
      let payload: unknown;
      try {
        payload = JSON.parse(copied);
      } catch {
        return;
      }
      void mutate('steps.paste', { processId: current.process.id, payload: payload as ClipboardPayload }).then((result) => {
        if (result) setSelection(result.steps.map((s) => s.id));
      });
      return;
    }
    const text = event.clipboardData.getData('text/plain');
    if (!text.trim()) return;
    event.preventDefault();
    openDialog({ kind: 'typeToMap', text });
  }, [mutate, openDialog, setSelection, wrapper]);

  return { onCopy, onPaste };
}
