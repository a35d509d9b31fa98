/**
 * CORS_ORIGINS: comma-separated exact browser origins (`https://app.example.com`). Each must
 * be what a browser sends in `Origin`, byte for byte, since the gateway compares strings:
 * scheme and host in lower case, no path, no trailing slash, no default port. A wildcard is
 * refused because listed origins get credentialed access.
 */
export function parseCorsOrigins(raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined) return [];
  const origins: string[] = [];
  for (const entry of raw.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const problem = originProblem(entry);
    if (problem !== undefined) {
      problems.push(`CORS_ORIGINS: ${JSON.stringify(entry)} ${problem}`);
    } else if (!origins.includes(entry)) {
      origins.push(entry);
    }
  }
  return origins;
}

function originProblem(entry: string): string | undefined {
  if (entry.includes('*')) return 'is a wildcard; list each origin exactly';
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return 'is not an origin (scheme://host[:port])';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be http or https';
  if (url.origin !== entry) {
    return `is not an exact origin; a browser sends ${JSON.stringify(url.origin)}`;
  }
  return undefined;
}
