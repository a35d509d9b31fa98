/**
 * The Content-Security-Policy of the dashboard page and its assets. The page is plain script
 * files served from /dashboard (no inline script or style, no CDN), so 'self' is all it
 * needs: scripts and styles from the gateway, fetch and the graphql-ws socket to the gateway
 * (a ws:/wss: URL of the same host counts as 'self' in CSP Level 3), its favicon. Everything
 * else keeps the strict policy's answer: nothing framed, no <base>, no form posts.
 */
export const DASHBOARD_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
