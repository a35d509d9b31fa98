import { DEMO_USERS } from '../../src/emulators/seed/salesforce-users';
import { SalesforceError } from '../../src/emulators/salesforce/model/errors';
import type { EmulatorUser } from '../../src/emulators/salesforce/model/types';
import { OrgStore } from '../../src/emulators/salesforce/store/org-store';

/** Users of the demo org, by role, for tests. */
export const [ADMIN, INTEGRATION, REP1, REP2] = DEMO_USERS as EmulatorUser[];

export const START = Date.parse('2025-01-01T00:00:00.000Z');

/** An empty org with the demo users and a clock that ticks one second per transaction. */
export function emptyStore(): OrgStore {
  let now = START;
  const store = new OrgStore({ clock: () => new Date((now += 1000)) });
  store.load({ users: DEMO_USERS.map((u) => ({ ...u })), records: [] });
  return store;
}

/** The SalesforceError `fn` throws; fails the test if it throws nothing or something else. */
export function errorOf(fn: () => unknown): SalesforceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SalesforceError) return error;
    throw error;
  }
  throw new Error('expected a SalesforceError');
}
