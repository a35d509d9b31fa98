/**
 * Debian's Chromium driven by playwright-core, for the browser tests: the system browser
 * (`apt-get install chromium`, what .ci/run installs), never a downloaded one, with a fresh
 * profile per launch so nothing carries over between runs (cookies, storage).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { leftovers } from './leftovers';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser's path; a missing browser fails the test with how to install it (no skip). */
export function chromiumExecutable(path: string = CHROMIUM_PATH): string {
  if (!existsSync(path)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${path}: apt-get install -y chromium (.ci/run installs it the same way)`,
    );
  }
  return path;
}

export async function launchChromium(): Promise<BrowserContext> {
  const executablePath = chromiumExecutable();
  const profile = await mkdtemp(join(tmpdir(), 'atom-chromium-'));
  leftovers.push(() => rm(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 1000 },
  });
  leftovers.push(() => context.close());
  return context;
}

/** Console errors and uncaught exceptions of a page (CSP violations are console errors). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
