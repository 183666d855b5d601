import { z } from 'zod';
import { Name, patchSchema, RecordsSchema } from '../model';
import { Change, Empty, FilePath, HistoryState, MessageSchema, method, Ok, patchOf } from './base';
import { DEFAULT_REPORT_OPTIONS, ReportOptions } from './report';

export const RecentFile = z.object({ path: FilePath, name: z.string(), openedAt: z.string() });
export type RecentFile = z.infer<typeof RecentFile>;

/** The consultant's own settings, kept in the user-data folder and used across engagements. */
export const Preferences = z.object({
  consultantName: Name,
  company: Name,
  theme: z.enum(['light', 'dark']),
  language: z.enum(['en']),
  /** Set once the welcome screen has been seen, so it shows on the first run only. */
  welcomed: z.boolean(),
  /** How a new engagement's first report is made, until the engagement remembers its own. */
  reportDefaults: ReportOptions,
});
export type Preferences = z.infer<typeof Preferences>;

export const DEFAULT_PREFERENCES: Preferences = {
  consultantName: '',
  company: '',
  theme: 'light',
  language: 'en',
  welcomed: false,
  reportDefaults: DEFAULT_REPORT_OPTIONS,
};

export const HomeView = z.object({
  recent: z.array(RecentFile),
  dataDir: z.string(),
  canPickFiles: z.boolean(),
  preferences: Preferences,
});
export type HomeView = z.infer<typeof HomeView>;

export const OpenMode = z.enum(['edit', 'readOnly', 'recoverCopy']);

export const SnapshotInfo = z.object({
  id: z.string(),
  takenAt: z.string(),
  reason: z.enum(['open', 'editing', 'migration']),
  bytes: z.number().int(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

/**
 * An engagement as it is opened: which file, how, and every record in it, with the undo history.
 * The renderer keeps the records in its store and from then on applies each command's change.
 */
export const LoadedEngagement = z.object({
  file: z.object({
    path: z.string(),
    readOnly: z.boolean(),
    /** Something the user should know about how the file was opened (e.g. what recovery saved). */
    notice: MessageSchema.optional(),
  }),
  records: RecordsSchema,
  history: HistoryState,
});
export type LoadedEngagement = z.infer<typeof LoadedEngagement>;

/** Why the last automatic snapshot could not be taken (it is tried again on the next edit). */
export const SnapshotFailure = z.object({
  at: z.string(),
  reason: SnapshotInfo.shape.reason,
  code: z.enum(['disk_full', 'internal']),
  message: MessageSchema,
});
export type SnapshotFailure = z.infer<typeof SnapshotFailure>;

export const SnapshotList = z.object({ snapshots: z.array(SnapshotInfo), lastFailure: SnapshotFailure.nullable() });
export type SnapshotList = z.infer<typeof SnapshotList>;

/**
 * Which engagement is open and its safety copies. The renderer never names a path to write, and names
 * one to open only if main handed it over (a file dialog, the recent list, the window's address) or, in
 * the browser host, inside the data folder: see main/services/paths.ts.
 */
export const appMethods = {
  'app.home': method('app', Empty, HomeView),
  'settings.update': method('app', Preferences.partial().strict(), Preferences),
  'engagement.create': method('app', z.object({ name: Name.min(1), client: Name }).strict(), LoadedEngagement),
  'engagement.open': method('app', z.object({ path: FilePath, mode: OpenMode.optional() }).strict(), LoadedEngagement),
  'engagement.openSample': method('app', Empty, LoadedEngagement),
  /** The native open dialog; the chosen file is granted to this window, which then opens it by path. */
  'engagement.pickFile': method('app', Empty, z.object({ path: FilePath.nullable() })),
  'engagement.close': method('app', Empty, Ok),
  'engagement.load': method('query', Empty, LoadedEngagement),
  /** The Engagement details dialog: name, client, scope, objectives, departments (what the report's summary is built from). */
  'engagement.update': method('command', patchOf(patchSchema('engagement')), Change),
  'engagement.saveCopy': method('app', Empty, z.object({ path: z.string() }).nullable()),
  'snapshot.list': method('query', Empty, SnapshotList),
  'snapshot.restore': method('app', z.object({ id: z.string().max(200) }).strict(), LoadedEngagement),
};
