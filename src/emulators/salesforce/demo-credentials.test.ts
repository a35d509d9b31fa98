import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_USERS } from '../seed/salesforce-users';
import { DEMO_OAUTH_CLIENT } from './emulator-options';

// Issue #2: the demo OAuth client and users are documented in .env.example; this keeps the
// documentation in step with what the emulator actually accepts.
describe('.env.example documents the demo org', () => {
  const example = readFileSync(resolve(__dirname, '../../../.env.example'), 'utf8');
  const commentLines = example.split('\n').filter((line) => line.startsWith('#'));

  function documented(...parts: string[]): boolean {
    return commentLines.some((line) => parts.every((part) => line.includes(part)));
  }

  it('names the demo connected app with its secret and registered callbacks', () => {
    expect(documented('client id', DEMO_OAUTH_CLIENT.clientId)).toBe(true);
    expect(documented('client secret', DEMO_OAUTH_CLIENT.clientSecret)).toBe(true);
    for (const uri of DEMO_OAUTH_CLIENT.redirectUris) expect(documented(uri)).toBe(true);
  });

  it.each(DEMO_USERS.map((user) => [user.Username, user]))(
    'lists %s with its password, name and data visibility',
    (_username, user) => {
      const visibility = user.viewAllData ? 'View All Data' : 'own records only';
      expect(documented(user.Username, user.password, user.Name, visibility)).toBe(true);
    },
  );

  it('documents the fault knobs the admin API accepts', () => {
    for (const knob of ['serverUnavailable', 'expireSessions', 'exhaustLimit', 'latencyMs'])
      expect(documented(knob)).toBe(true);
  });
});
