import { GraphQLError } from 'graphql';
import { SalesforceUpstreamError } from '../upstreams/salesforce/client';
import { createFormatError, MASKED_MESSAGE } from './format-error';
import { QueryTooComplexError } from './gateway-errors';

function resolverError(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original, path: ['field'] });
}

describe('formatError', () => {
  const production = createFormatError({ exposeInternals: false });
  const development = createFormatError({ exposeInternals: true });

  it('masks unknown errors outside development', () => {
    const error = resolverError(new Error('secret detail'));
    const formatted = production(
      {
        message: 'secret detail',
        path: ['field'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] },
      },
      error,
    );
    expect(formatted).toEqual({
      message: MASKED_MESSAGE,
      path: ['field'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('shows unknown errors in development', () => {
    const onInternalError = jest.fn();
    const format = createFormatError({ exposeInternals: true, onInternalError });
    const error = resolverError(new Error('secret detail'));
    const formatted = format(
      { message: 'secret detail', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      error,
    );
    expect(formatted.message).toBe('secret detail');
    expect(onInternalError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'secret detail' }),
    );
  });

  it('maps Salesforce failures from resolvers', () => {
    const error = resolverError(
      new SalesforceUpstreamError('Service Unavailable', 'SERVER_UNAVAILABLE', { statusCode: 503 }),
    );
    const formatted = production(
      { message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      error,
    );
    expect(formatted.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: { service: 'salesforce', errorCode: 'SERVER_UNAVAILABLE' },
    });
  });

  it('reports armor rejections as QUERY_TOO_COMPLEX', () => {
    const validation = new GraphQLError('Query validation error.', {
      originalError: new QueryTooComplexError(
        'Syntax Error: Query depth limit of 12 exceeded, found 13.',
      ),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = production(
      { message: validation.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      validation,
    );
    expect(formatted.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('reports the parser token limit as QUERY_TOO_COMPLEX', () => {
    const parse = new GraphQLError(
      'Syntax Error: Document contains more that 5000 tokens. Parsing aborted.',
      {
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
    );
    const formatted = production(
      { message: parse.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
      parse,
    );
    expect(formatted.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(formatted.message).toBe('The document has more than 5000 tokens (limit 5000)');
  });

  it('turns validation errors into BAD_USER_INPUT with the Apollo code as reason', () => {
    const validation = new GraphQLError('Cannot query field "x"', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = development(
      { message: validation.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      validation,
    );
    expect(formatted.extensions?.code).toBe('BAD_USER_INPUT');
    expect(formatted.extensions?.reason).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('never sends a stack trace without exposeInternals, whatever branch formats the error', () => {
    const stacktrace = ['GraphQLError: x', '    at /app/src/server/thing.ts:1:1'];
    for (const code of ['GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND']) {
      const error = new GraphQLError('x', { extensions: { code } });
      const formatted = production({ message: 'x', extensions: { code, stacktrace } }, error);
      expect(formatted.extensions).not.toHaveProperty('stacktrace');
      expect(
        development({ message: 'x', extensions: { code, stacktrace } }, error).extensions,
      ).toHaveProperty('stacktrace', stacktrace);
    }
  });

  it("gives an internal error the root cause's stack when exposing internals", () => {
    const cause = new TypeError("Cannot read properties of null (reading 'Max')");
    const formatted = development(
      {
        message: cause.message,
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['wrapper'] },
      },
      resolverError(cause),
    );
    expect(formatted.extensions?.stacktrace).toEqual(cause.stack?.split('\n'));
    expect(
      production(
        { message: cause.message, path: ['field'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        resolverError(cause),
      ),
    ).toEqual({
      message: MASKED_MESSAGE,
      path: ['field'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('drops "Did you mean" suggestions when asked, in every wording', () => {
    const hide = createFormatError({ exposeInternals: false, hideSuggestions: true });
    const cases: Array<[string, string]> = [
      [
        'Cannot query field "nam" on type "Account". Did you mean "name"?',
        'Cannot query field "nam" on type "Account".',
      ],
      [
        'Unknown argument "firts" on field "Query.accounts". Did you mean "first", "after", or "where"?',
        'Unknown argument "firts" on field "Query.accounts".',
      ],
      [
        'Value "DESCC" does not exist in "SortDirection" enum. Did you mean the enum value "DESC"?',
        'Value "DESCC" does not exist in "SortDirection" enum.',
      ],
      // graphql-armor's Apollo plugin leaves its marker and the question mark behind.
      [
        'Cannot query field "nam" on type "Account". [Suggestion hidden]?',
        'Cannot query field "nam" on type "Account".',
      ],
    ];
    for (const [message, expected] of cases) {
      const error = new GraphQLError(message, {
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      const formatted = { message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
      expect(hide(formatted, error).message).toBe(expected);
      expect(production(formatted, error).message).toBe(message);
    }
  });

  it("keeps the persisted-query codes, and maps Apollo's code-less APQ errors to BAD_USER_INPUT", () => {
    for (const code of ['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_REQUIRED']) {
      const error = new GraphQLError('x', { extensions: { code } });
      expect(production({ message: 'x', extensions: { code } }, error).extensions?.code).toBe(code);
    }
    const cases: Array<[string, string]> = [
      ['PersistedQueryNotSupported', 'PERSISTED_QUERY_NOT_SUPPORTED'],
      ['provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH'],
      ['Unsupported persisted query version', 'PERSISTED_QUERY_VERSION'],
    ];
    for (const [message, reason] of cases) {
      // Apollo labels a code-less error INTERNAL_SERVER_ERROR before formatError sees it.
      const error = new GraphQLError(message, { extensions: { http: { status: 400 } } });
      expect(production({ message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error)).toEqual(
        {
          message,
          extensions: { code: 'BAD_USER_INPUT', reason },
        },
      );
    }
  });

  it("keeps a validation rule's own reason", () => {
    const error = new GraphQLError('Introspection is disabled', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INTROSPECTION_DISABLED' },
    });
    const formatted = production(
      {
        message: error.message,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INTROSPECTION_DISABLED' },
      },
      error,
    );
    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INTROSPECTION_DISABLED',
    });
  });
});
