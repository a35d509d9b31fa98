import { clearCookie, isInsecureLocalUrl, parseCookies, serializeCookie } from './cookies';

describe('cookies', () => {
  it('always sets HttpOnly and SameSite=Lax, Secure on request', () => {
    const cookie = serializeCookie('atom_session', 'a b', { maxAge: 60, path: '/', secure: true });
    expect(cookie).toBe('atom_session=a%20b; Max-Age=60; Path=/; HttpOnly; SameSite=Lax; Secure');
    expect(serializeCookie('x', 'y', { maxAge: 1, path: '/', secure: false })).not.toContain(
      'Secure',
    );
    expect(clearCookie('x', '/auth', true)).toContain('Max-Age=0; Path=/auth');
  });

  it('is Secure everywhere except plain-http loopback', () => {
    expect(isInsecureLocalUrl('http://localhost:4000')).toBe(true);
    expect(isInsecureLocalUrl('http://127.0.0.1:4000')).toBe(true);
    expect(isInsecureLocalUrl('https://localhost:4000')).toBe(false);
    expect(isInsecureLocalUrl('http://gateway.example.com')).toBe(false);
    expect(isInsecureLocalUrl('http://localhost.example.com')).toBe(false);
  });

  it('parses a Cookie header, first occurrence wins', () => {
    const cookies = parseCookies('a=1; atom_session=abc%2Fd; a=2; junk; =x');
    expect(cookies.get('a')).toBe('1');
    expect(cookies.get('atom_session')).toBe('abc/d');
    expect(cookies.size).toBe(2);
    expect(parseCookies(undefined).size).toBe(0);
    expect(parseCookies('bad=%E0%A4%A').get('bad')).toBe('%E0%A4%A');
  });
});
