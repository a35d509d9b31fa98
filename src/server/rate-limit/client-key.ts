import type { Viewer } from '../../auth/viewer';

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is the same client as `127.0.0.1`. */
function normalizeAddress(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * Whose budget an operation spends: the signed-in Salesforce user (user mode), the API key
 * (integration mode: every key runs as the same integration user), or the peer address in
 * demo mode, which has no caller identity. The address is the socket's, never a header a
 * client could choose.
 */
export function rateLimitKey(viewer: Viewer, clientAddress: string | undefined): string {
  switch (viewer.mode) {
    case 'user':
      return `user:${viewer.orgId}:${viewer.userId}`;
    case 'integration':
      return viewer.apiKeyName !== undefined
        ? `api-key:${viewer.apiKeyName}`
        : `user:${viewer.orgId}:${viewer.userId}`;
    case 'demo':
      return `address:${normalizeAddress(clientAddress)}`;
  }
}
