/**
 * The Content-Security-Policy of the Apollo Sandbox page (GET /graphql from a browser,
 * outside production), fitted to what `@apollo/server`'s embedded Sandbox markup loads
 * (plugin/landingPage/default): its inline <script> and <style> tags carry a fresh nonce
 * per render; the Sandbox script comes from Apollo's CDN; it frames the Sandbox app,
 * which asks the page to run operations, so the page itself only talks to the gateway.
 */
const SANDBOX_SCRIPT_ORIGIN = 'https://embeddable-sandbox.cdn.apollographql.com';
const LANDING_PAGE_CDN = 'https://apollo-server-landing-page.cdn.apollographql.com';
const SANDBOX_FRAME_ORIGIN = 'https://sandbox.embed.apollographql.com';
const FONT_STYLESHEET_ORIGIN = 'https://fonts.googleapis.com';
const FONT_FILE_ORIGIN = 'https://fonts.gstatic.com';

/** The nonce Apollo wrote into its own `<meta http-equiv="Content-Security-Policy">`. */
const NONCE = /'nonce-([A-Za-z0-9+/_=-]+)'/;

/**
 * The header policy for one rendering of the page; both it and Apollo's meta policy must
 * allow a load. Undefined when the markup has no nonce (an Apollo upgrade changed it): the
 * strict policy then stays and the page shows its offline fallback rather than run
 * unaudited inline script.
 */
export function landingPageContentSecurityPolicy(html: string): string | undefined {
  const nonce = NONCE.exec(html)?.[1];
  if (nonce === undefined) return undefined;
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${SANDBOX_SCRIPT_ORIGIN}`,
    `style-src 'nonce-${nonce}' ${FONT_STYLESHEET_ORIGIN}`,
    `font-src ${FONT_FILE_ORIGIN}`,
    `img-src ${LANDING_PAGE_CDN}`,
    `manifest-src ${LANDING_PAGE_CDN}`,
    `frame-src ${SANDBOX_FRAME_ORIGIN}`,
    // Operations, introspection and subscriptions (ws: of the same host counts as 'self').
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
