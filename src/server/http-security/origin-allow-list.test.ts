import type { IncomingMessage } from 'node:http';
import { createOriginAllowList, isLoopbackOrigin } from './origin-allow-list';
import { createWebSocketOriginCheck } from './websocket-origin';

describe('createOriginAllowList', () => {
  it('gives listed origins credentials and nothing else any access outside the demo', () => {
    const list = createOriginAllowList({
      mode: 'user',
      corsOrigins: ['https://app.example.com'],
    });
    expect(list.grantFor('https://app.example.com')).toBe('credentials');
    expect(list.grantFor('https://app.example.com.evil.example')).toBeUndefined();
    expect(list.grantFor('http://app.example.com')).toBeUndefined();
    expect(list.grantFor('http://localhost:3000')).toBeUndefined();
    expect(list.grantFor('null')).toBeUndefined();
  });

  it('lets the demo with nothing listed answer loopback pages, without credentials', () => {
    const list = createOriginAllowList({ mode: 'demo', corsOrigins: [] });
    expect(list.grantFor('http://localhost:3000')).toBe('anonymous');
    expect(list.grantFor('http://127.0.0.1:5173')).toBe('anonymous');
    expect(list.grantFor('http://[::1]:8080')).toBe('anonymous');
    expect(list.grantFor('https://localhost')).toBe('anonymous');
    expect(list.grantFor('http://localhost.evil.example')).toBeUndefined();
    expect(list.grantFor('http://127.0.0.2:3000')).toBeUndefined();
    expect(list.grantFor('https://evil.example')).toBeUndefined();
    expect(list.grantFor('null')).toBeUndefined();
  });

  it('keeps the demo to its list once CORS_ORIGINS is set', () => {
    const list = createOriginAllowList({ mode: 'demo', corsOrigins: ['http://localhost:3000'] });
    expect(list.grantFor('http://localhost:3000')).toBe('credentials');
    expect(list.grantFor('http://localhost:3001')).toBeUndefined();
  });

  it('reads an origin exactly as a browser writes it', () => {
    expect(isLoopbackOrigin('http://localhost:3000')).toBe(true);
    expect(isLoopbackOrigin('http://localhost:3000/')).toBe(false);
    expect(isLoopbackOrigin('http://LOCALHOST:3000')).toBe(false);
    expect(isLoopbackOrigin('ftp://localhost')).toBe(false);
    expect(isLoopbackOrigin('not a url')).toBe(false);
  });
});

function upgradeFrom(origin: string | undefined): IncomingMessage {
  return { headers: origin === undefined ? {} : { origin } } as IncomingMessage;
}

describe('createWebSocketOriginCheck', () => {
  it('admits the public origin, listed origins and clients without Origin only', () => {
    const check = createWebSocketOriginCheck({
      allowList: createOriginAllowList({ mode: 'user', corsOrigins: ['https://app.example.com'] }),
      publicOrigin: 'https://gateway.example.com',
    });
    expect(check(upgradeFrom(undefined))).toBe(true);
    expect(check(upgradeFrom('https://gateway.example.com'))).toBe(true);
    expect(check(upgradeFrom('https://app.example.com'))).toBe(true);
    expect(check(upgradeFrom('https://evil.example'))).toBe(false);
    expect(check(upgradeFrom('http://gateway.example.com'))).toBe(false);
    expect(check(upgradeFrom('null'))).toBe(false);
  });

  it('treats the three loopback names of a loopback public origin as the same gateway', () => {
    const check = createWebSocketOriginCheck({
      allowList: createOriginAllowList({ mode: 'user', corsOrigins: [] }),
      publicOrigin: 'http://127.0.0.1:4000',
    });
    expect(check(upgradeFrom('http://localhost:4000'))).toBe(true);
    expect(check(upgradeFrom('http://[::1]:4000'))).toBe(true);
    expect(check(upgradeFrom('http://localhost:3000'))).toBe(false);
  });
});
