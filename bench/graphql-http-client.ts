/** POSTs one GraphQL operation and answers its `data`; any GraphQL error fails the operation. */
export type GraphQLPost = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

export class GraphQLOperationError extends Error {
  override name = 'GraphQLOperationError';
}

function firstErrorMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('errors' in body)) return undefined;
  const { errors } = body;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const first: unknown = errors[0];
  if (typeof first === 'object' && first !== null && 'message' in first) {
    return String(first.message);
  }
  return JSON.stringify(first);
}

/** `headers` go on every request (the dashboard scenario's users send their bearer token). */
export function createGraphQLPost(url: string, headers: Record<string, string> = {}): GraphQLPost {
  return async (query, variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(variables ? { query, variables } : { query }),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new GraphQLOperationError(
        `${url}: HTTP ${response.status}, not JSON: ${text.slice(0, 200)}`,
      );
    }
    const error = firstErrorMessage(body);
    if (error !== undefined) throw new GraphQLOperationError(`${url}: ${error}`);
    if (!response.ok) throw new GraphQLOperationError(`${url}: HTTP ${response.status}`);
    if (typeof body !== 'object' || body === null || !('data' in body)) {
      throw new GraphQLOperationError(`${url}: response has no data`);
    }
    return body.data;
  };
}
