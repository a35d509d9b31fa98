/** The page a list answered, as its `pageInfo` says. */
export interface PageCursor {
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * The RFC 8288 `Link` header of a list page: `rel="next"` is the same request (every other
 * query parameter kept, in order) with `after` set to this page's `endCursor`. The target
 * is a path-absolute reference, resolved against the request URL (RFC 8288 §3.2), so it
 * holds behind a proxy that rewrites the host. Undefined on the last page.
 */
export function nextPageLink(
  pathname: string,
  search: URLSearchParams,
  page: PageCursor,
): string | undefined {
  if (!page.hasNextPage || page.endCursor === null) return undefined;
  const next = new URLSearchParams();
  for (const [name, value] of search) if (name !== 'after') next.append(name, value);
  next.append('after', page.endCursor);
  return `<${pathname}?${next.toString()}>; rel="next"`;
}
