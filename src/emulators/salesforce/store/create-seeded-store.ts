import { generateSalesforceSeed } from '../../seed/salesforce-seed';
import { OrgStore } from './org-store';

/** An org loaded with the deterministic demo seed; `reset()` returns to it. */
export function createSeededStore(
  options: { scale?: number; seed?: number; baseDate?: Date | string; clock?: () => Date } = {},
): OrgStore {
  const store = new OrgStore({ clock: options.clock });
  store.load(
    generateSalesforceSeed({
      scale: options.scale,
      seed: options.seed,
      baseDate: options.baseDate,
    }),
  );
  return store;
}
