import { makeId } from '../salesforce/model/ids';
import type { EmulatorUser } from '../salesforce/model/types';

const user = (
  n: number,
  username: string,
  password: string,
  firstName: string,
  lastName: string,
  viewAllData: boolean,
): EmulatorUser => ({
  Id: makeId('005', n),
  Username: username,
  Name: `${firstName} ${lastName}`,
  FirstName: firstName,
  LastName: lastName,
  Email: username,
  IsActive: true,
  viewAllData,
  password,
});

/**
 * The demo org's six users: an admin and the client_credentials integration user (both
 * View All Data), and four sales reps under private sharing. Demo credentials only.
 */
export const DEMO_USERS: readonly EmulatorUser[] = Object.freeze([
  user(1, 'admin@atom-demo.org', 'demo-admin-pass', 'Avery', 'Admin', true),
  user(2, 'integration@atom-demo.org', 'demo-integration-pass', 'Integration', 'User', true),
  user(3, 'rep1@atom-demo.org', 'demo-rep-pass', 'Maya', 'Patel', false),
  user(4, 'rep2@atom-demo.org', 'demo-rep-pass', 'Liam', "O'Connor", false),
  user(5, 'rep3@atom-demo.org', 'demo-rep-pass', 'Sofia', 'Müller', false),
  user(6, 'rep4@atom-demo.org', 'demo-rep-pass', 'Kenji', 'Tanaka', false),
]);

export const DEMO_ADMIN = DEMO_USERS[0];
export const DEMO_INTEGRATION_USER = DEMO_USERS[1];
export const DEMO_REPS: readonly EmulatorUser[] = DEMO_USERS.slice(2);
