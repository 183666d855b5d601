import { z } from 'zod';
import { EngagementCounts, EngagementView, Name, Text } from '../model';
import { Change, Empty, FilePath, method, Ok } from './base';

export const RecentFile = z.object({ path: FilePath, name: z.string(), openedAt: z.string() });
export type RecentFile = z.infer<typeof RecentFile>;

export const HomeView = z.object({
  recent: z.array(RecentFile),
  dataDir: z.string(),
  canPickFiles: z.boolean(),
});
export type HomeView = z.infer<typeof HomeView>;

/** Which engagement is open, and the engagement record itself. */
export const appMethods = {
  'app.home': method('app', Empty, HomeView),
  'engagement.create': method('app', z.object({ name: Name.min(1), client: Name, path: FilePath.optional() }).strict(), EngagementView),
  'engagement.open': method('app', z.object({ path: FilePath }).strict(), EngagementView),
  'engagement.openSample': method('app', Empty, EngagementView),
  'engagement.pickAndOpen': method('app', Empty, EngagementView.nullable()),
  'engagement.close': method('app', Empty, Ok),
  'engagement.get': method('query', Empty, EngagementView),
  'engagement.counts': method('query', Empty, EngagementCounts),
  'engagement.update': method(
    'command',
    z.object({ name: Name.min(1), client: Name, scope: Text, consultant: Name }).partial().strict(),
    Change,
  ),
};
