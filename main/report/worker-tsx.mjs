// Runs the TypeScript export worker where the app itself runs from sources (CLI, browser host, tests).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
