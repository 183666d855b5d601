import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportProgress, ExportRequest } from '../../../core/ipc/report';
import { ApiError, call } from '../api';
import { t } from '../i18n';

/** How often the dialog asks how an export is going; the main process answers from memory. */
const POLL_MS = 250;

export interface ExportJob {
  /** What is being exported, in words ("Word report", "BPMN of Password reset"). */
  label: string;
  progress: ExportProgress | null;
  error: string | null;
}

/**
 * One export at a time from the dialog: start it, then poll its progress until it is done. The
 * same polling works in Electron and in the browser host, with no event channel to wire up.
 */
export function useExportJob() {
  const [job, setJob] = useState<ExportJob | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const progress = await call('report.progress', { jobId });
        if (stopped) return;
        setJob((current) => (current ? { ...current, progress, error: progress.error ? t(progress.error) : null } : current));
        if (!progress.done) timer = setTimeout(() => void poll(), POLL_MS);
      } catch (error) {
        if (!stopped) setJob((current) => (current ? { ...current, error: error instanceof ApiError ? error.message : t('shell.exportJob.lost') } : current));
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [jobId]);

  const start = useCallback(async (label: string, request: ExportRequest): Promise<void> => {
    setJob({ label, progress: null, error: null });
    setJobId(null);
    try {
      const { jobId: id } = await call('report.start', request);
      if (!alive.current) return;
      if (id) setJobId(id);
      else setJob(null);
    } catch (error) {
      if (alive.current) setJob({ label, progress: null, error: error instanceof ApiError ? error.message : t('shell.exportJob.couldNotStart') });
    }
  }, []);

  const running = !!job && !job.error && !job.progress?.done;
  return { job, running, start };
}
