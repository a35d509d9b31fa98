import { createHash } from 'node:crypto';

/**
 * A strong ETag of a record's JSON representation: equal bytes, equal tag. A hash rather
 * than LastModifiedDate because the representation also carries related records' names
 * (owner, account), which change without the record's own stamp moving.
 */
export function recordEtag(body: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  return `"${hash.slice(0, 32)}"`;
}

/** The entity tags of an If-Match or If-None-Match header; `*` stays as itself. */
function entityTags(header: string): string[] {
  return (header.match(/(?:W\/)?"[^"]*"|\*/g) ?? []).map((tag) => tag.trim());
}

const opaque = (tag: string): string => (tag.startsWith('W/') ? tag.slice(2) : tag);

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current record. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return true;
  return !entityTags(header).some((tag) => tag === '*' || opaque(tag) === opaque(etag));
}

/** RFC 9110 §13.1.1: If-Match compares strongly (a weak tag never matches); `*` matches. */
export function ifMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return true;
  return entityTags(header).some((tag) => tag === '*' || (!tag.startsWith('W/') && tag === etag));
}
