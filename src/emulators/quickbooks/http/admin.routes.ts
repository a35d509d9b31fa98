import type { QuickBooksContext } from '../emulator-context';
import { parseFaults } from './fault-state';
import { jsonReply, type HttpReply } from './http-io';

const KNOWN = [
  '/__emulator/stats',
  '/__emulator/stats/reset',
  '/__emulator/reset',
  '/__emulator/faults',
];

/** The control surface under `/__emulator/` (no auth: the server listens on loopback). */
export function handleAdminRequest(
  ctx: QuickBooksContext,
  method: string,
  path: string,
  body: Buffer,
): HttpReply {
  const route = `${method} ${path.replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /__emulator/stats':
      return jsonReply(200, ctx.faults.stats());
    case 'POST /__emulator/stats/reset':
      ctx.faults.resetStats();
      return jsonReply(200, ctx.faults.stats());
    case 'POST /__emulator/reset':
      ctx.reset();
      return jsonReply(200, ctx.faults.stats());
    case 'POST /__emulator/faults': {
      const faults = parseFaults(body);
      if (typeof faults === 'string') return jsonReply(400, { error: faults });
      ctx.faults.apply(faults);
      if (faults.expireTokens) ctx.tokens.expireAccessTokens();
      return jsonReply(200, ctx.faults.settings());
    }
  }
  return KNOWN.includes(path.replace(/\/$/, ''))
    ? jsonReply(405, { error: `method ${method} not allowed` })
    : jsonReply(404, { error: `no admin resource at ${path}` });
}
