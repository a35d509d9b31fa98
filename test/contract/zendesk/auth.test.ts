import { createClient } from 'node-zendesk';
import { DEMO_ZENDESK_AGENTS } from '../../../src/emulators/zendesk';
import { rejection, startZendeskTarget, type ZendeskTarget } from '../../helpers/zendesk-emulator';

// Zendesk's API token auth: `Authorization: Basic base64(email/token:TOKEN)` for an agent or admin.
describe('Zendesk emulator: Basic API-token auth (node-zendesk 6)', () => {
  let target: ZendeskTarget;

  beforeAll(async () => {
    target = await startZendeskTarget();
  });

  const clientFor = (username: string, token: string) =>
    createClient({
      username,
      token,
      endpointUri: target.emulator.apiUrl,
      throwOriginalException: true,
    });

  it('the demo admin and any agent authenticate with the account token', async () => {
    const me = await target.client().users.me();
    expect(me.result).toMatchObject({ email: 'admin@atom-demo.org', role: 'admin' });
    const agent = await clientFor(
      DEMO_ZENDESK_AGENTS[0].email,
      target.emulator.apiToken,
    ).users.me();
    expect(agent.result).toMatchObject({ id: DEMO_ZENDESK_AGENTS[0].id, role: 'agent' });
  });

  it('a request without credentials is refused with 401 and Zendesk’s body', async () => {
    // node-zendesk refuses to send a request without credentials, so this one is plain fetch.
    const response = await fetch(`${target.emulator.apiUrl}/tickets.json`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: "Couldn't authenticate you" });
  });

  it.each([
    ['a wrong token', 'admin@atom-demo.org', 'not-the-token'],
    ['an unknown email', 'nobody@atom-demo.org', 'atom-demo-zendesk-token'],
  ])(
    '%s is refused with 401 (statusCode and body on the original exception)',
    async (_, email, token) => {
      const error = await rejection(clientFor(email, token).tickets.show(1));
      expect(error.statusCode).toBe(401);
      expect(error.result).toEqual({ error: "Couldn't authenticate you" });
    },
  );

  it('an end user cannot use the API token', async () => {
    const endUser = target.emulator.store.users().find((u) => u.role === 'end-user');
    const error = await rejection(
      clientFor(endUser?.email ?? '', target.emulator.apiToken).users.me(),
    );
    expect(error.statusCode).toBe(401);
  });

  it('password (non-token) Basic auth is refused', async () => {
    const client = createClient({
      username: 'admin@atom-demo.org',
      password: target.emulator.apiToken,
      endpointUri: target.emulator.apiUrl,
      throwOriginalException: true,
    });
    expect((await rejection(client.users.me())).statusCode).toBe(401);
  });

  it('by default node-zendesk throws a wrapped message naming the status', async () => {
    const client = createClient({
      username: 'admin@atom-demo.org',
      token: 'wrong',
      endpointUri: target.emulator.apiUrl,
    });
    await expect(client.tickets.show(1)).rejects.toThrow(
      'Request processing failed: Zendesk Error (401): Not Authorized',
    );
  });

  it('refused calls are not API calls in the stats, but are counted as refused', async () => {
    await target.admin.resetStats();
    await rejection(clientFor('admin@atom-demo.org', 'wrong').tickets.show(1));
    const stats = await target.admin.stats();
    expect(stats.total).toBe(0);
    expect(stats.refused.unauthorized).toBe(1);
  });

  it('an unknown endpoint answers 404 InvalidEndpoint before credentials are checked', async () => {
    const response = await fetch(`${target.emulator.apiUrl}/no_such_things.json`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'InvalidEndpoint', description: 'Not found' });
    // A method the emulator does not serve on a path it knows is unknown too.
    const write = await fetch(`${target.emulator.apiUrl}/tickets/1.json`, { method: 'DELETE' });
    expect(write.status).toBe(404);
    // A served write still needs credentials.
    const create = await fetch(`${target.emulator.apiUrl}/tickets.json`, { method: 'POST' });
    expect(create.status).toBe(401);
  });
});
