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
});
