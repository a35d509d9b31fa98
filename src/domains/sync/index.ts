import { SyncResolver } from './sync.resolver';

/** The sync mutations (issue 10), registered by `src/domains/index.ts`. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const syncResolvers: Function[] = [SyncResolver];
