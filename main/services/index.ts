import { analysisHandlers } from './analysis';
import { appHandlers, shellHandlers } from './app';
import { captureHandlers } from './capture';
import { importHandlers } from './import';
import { reportHandlers } from './report';
import type { Handlers, ServiceOptions } from './workspace';

export { freshPath, Workspace, type Handler, type Handlers, type ServiceOptions } from './workspace';

/** Every contract method's handler, one area file each; the type makes a missing one a compile error. */
export function createHandlers(options: ServiceOptions): Handlers {
  return {
    ...appHandlers(options),
    ...shellHandlers(options),
    ...captureHandlers(),
    ...analysisHandlers(),
    ...reportHandlers(options),
    ...importHandlers(options),
  };
}
