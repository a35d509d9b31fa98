/**
 * How the dashboard signs in, in a real browser (Debian's Chromium): integration mode asks
 * for an API key and keeps it in the tab; user mode sends the browser through the gateway's
 * Salesforce login (the emulator's authorize endpoint) and then rides the session cookie.
 */
import { connectToEmulator } from '../helpers/salesforce-target';
import type { BrowserContext } from 'playwright-core';
import { generateApiKey, hashApiKey } from '../../src/auth/api-keys';
import { chromiumExecutable, launchChromium, watchErrors } from '../helpers/chromium';
import { startTestGateway, type TestGateway } from '../helpers/gateway';

const PANELS = ['pipeline', 'performance', 'conversion', 'health'] as const;

/** Chromium notes every 401 answer as a console error; those are the expected refusals. */
function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/status of 401/.test(e));
}

it('fails, saying how to install it, when Debian Chromium is missing', () => {
  expect(() => chromiumExecutable('/nonexistent/chromium')).toThrow(/apt-get install -y chromium/);
});

describe('integration mode', () => {
  const PEPPER = 'dashboard-test-pepper-0123456789abcdef';
  const KEY = generateApiKey();
  let gateway: TestGateway;
  let context: BrowserContext;

  beforeAll(async () => {
    gateway = await startTestGateway({
      emulator: { scale: 1 },
      env: {
        AUTH_MODE: 'integration',
        API_KEYS: `dashboard:${hashApiKey(KEY, PEPPER)}`,
        API_KEY_PEPPER: PEPPER,
      },
    });
    context = await launchChromium();
  });

  it('asks for an API key first, refuses a wrong one visibly and keeps the key in the tab only', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    const graphqlRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') graphqlRequests.push(request.method());
    });
    await page.goto(`${gateway.origin}/dashboard`);
    await page.waitForSelector('#api-key-form', { state: 'visible' });
    expect(await page.isHidden('#panels')).toBe(true);
    expect(await page.textContent('#auth-mode')).toBe('integration mode');
    // Without a key nothing is asked of the API.
    expect(graphqlRequests).toEqual([]);

    await page.fill('#api-key', generateApiKey());
    await page.click('#api-key-form button[type="submit"]');
    await page.waitForSelector('#sign-in-error', { state: 'visible' });
    expect(await page.isVisible('#api-key-form')).toBe(true);
    expect(await page.getAttribute('#panel-pipeline [data-error]', 'data-code')).toBe(
      'UNAUTHENTICATED',
    );
    expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);

    await page.fill('#api-key', KEY);
    await page.click('#api-key-form button[type="submit"]');
    for (const name of PANELS) {
      await page.waitForSelector(`#panel-${name}[data-state="ready"]`, { timeout: 20_000 });
    }
    await page.waitForSelector('#connection[data-state="live"]');
    const storage = await page.evaluate<{ session: string[]; local: number }>(
      '({ session: Object.values(sessionStorage), local: localStorage.length })',
    );
    expect(storage).toEqual({ session: [KEY], local: 0 });
    // All five subscriptions were accepted (none reported an error above the panels).
    expect(await page.isHidden('#live-error')).toBe(true);

    // Forgetting the key takes the page back to the form and the key out of the tab.
    await page.click('#sign-out');
    await page.waitForSelector('#api-key-form', { state: 'visible' });
    expect(await page.evaluate<number>('sessionStorage.length')).toBe(0);
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });
});

describe('user mode', () => {
  let gateway: TestGateway;
  let context: BrowserContext;

  beforeAll(async () => {
    gateway = await startTestGateway({ emulator: { scale: 1 }, env: { AUTH_MODE: 'user' } });
    context = await launchChromium();
  });

  it('links to the Salesforce login and, once signed in, reads as that user with the cookie', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${gateway.origin}/dashboard`);
    await page.waitForSelector('#user-sign-in', { state: 'visible' });
    expect(await page.isHidden('#panels')).toBe(true);
    expect(await page.isHidden('#api-key-form')).toBe(true);
    expect(await page.getAttribute('#login-link', 'href')).toBe(
      `${gateway.gateway.auth.loginUrl}?return=%2Fdashboard`,
    );
    expect(await page.getAttribute('#panel-pipeline [data-error]', 'data-code')).toBe(
      'UNAUTHENTICATED',
    );

    // The dashboard's own errors; the login pages are not its.
    expect(unexpected(errors)).toEqual([]);

    // The emulated org's own login page, as a person signs in.
    await page.click('#login-link');
    await page.waitForURL(`${gateway.emulatorUrl}/services/oauth2/authorize?**`);
    await page.fill('input[name="username"]', 'rep1@atom-demo.org');
    await page.fill('input[name="password"]', 'demo-rep-pass');
    const callback = page.waitForResponse((r) => r.url().includes('/auth/salesforce/callback'));
    await page.click('form [type="submit"]');
    expect((await callback).status()).toBe(302);
    const cookies = await context.cookies(gateway.origin);
    expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly }))).toContainEqual({
      name: 'atom_session',
      httpOnly: true,
    });

    // The login brings the browser back to the dashboard (`return=/dashboard`), not to `/`.
    await page.waitForURL(`${gateway.origin}/dashboard`);
    const signedIn = page;
    // What the emulator's login pages logged is not the dashboard's.
    errors.splice(0);
    for (const name of PANELS) {
      await signedIn.waitForSelector(`#panel-${name}[data-state="ready"]`, { timeout: 20_000 });
    }
    await signedIn.waitForSelector('#connection[data-state="live"]');
    expect(await signedIn.isHidden('#sign-in')).toBe(true);
    // rep1 sees only their own opportunities: the page shows the viewer's pipeline.
    const asRep = await gateway.graphql<{ pipeline: { amount: number } }>(
      '{ pipeline { amount } }',
      undefined,
      { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
    );
    expect(asRep.errors).toBeUndefined();
    const shown = Number(await signedIn.getAttribute('#panel-pipeline', 'data-amount'));
    expect(shown).toBe(asRep.data?.pipeline.amount);
    // And that is not the org's: the whole open pipeline, read directly, is larger.
    const admin = await connectToEmulator(gateway.emulatorUrl, 'admin');
    const [orgWide] = (
      await admin.query<{ total: number }>(
        'SELECT SUM(Amount) total FROM Opportunity WHERE IsClosed = false',
      )
    ).records;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(orgWide?.total ?? 0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
