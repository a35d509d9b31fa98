import type { Environment } from './config.schema';
import type { ApiSurfaceConfig, SalesforceConfig, TrustedDocumentsConfig } from './config.types';

function resolveTrustedDocuments(
  env: Environment,
  problems: string[],
): TrustedDocumentsConfig | undefined {
  switch (env.TRUSTED_DOCUMENTS) {
    case 'off':
      return { mode: 'off' };
    case 'apq':
      return { mode: 'apq', ttlSeconds: env.APQ_TTL_SECONDS, redisPrefix: env.APQ_REDIS_PREFIX };
    case 'allow-list':
      if (env.TRUSTED_DOCUMENTS_MANIFEST === undefined) {
        problems.push(
          'TRUSTED_DOCUMENTS_MANIFEST: required with TRUSTED_DOCUMENTS=allow-list (the path of an Apollo persisted-query manifest, e.g. from `npm run trusted-documents:manifest`)',
        );
        return undefined;
      }
      return { mode: 'allow-list', manifestPath: env.TRUSTED_DOCUMENTS_MANIFEST };
  }
}

/**
 * Error detail, introspection, suggestions and trusted documents. Details never leave the
 * process unless DEBUG_ERRORS asks for them, and never in production, where a forgotten
 * debug flag would publish stack traces to the internet.
 */
export function resolveApiSurface(
  env: Environment,
  salesforceMode: SalesforceConfig['mode'],
  problems: string[],
): ApiSurfaceConfig | undefined {
  const debugErrors = env.DEBUG_ERRORS === 'true';
  if (debugErrors && env.NODE_ENV === 'production') {
    problems.push(
      'DEBUG_ERRORS: refused with NODE_ENV=production (it sends internal messages and stack traces to clients); unset it, or debug with NODE_ENV=development',
    );
  }
  // A live org in production is the one case where the schema is not meant to be browsed;
  // the demo's Sandbox needs introspection.
  const introspection =
    env.GRAPHQL_INTROSPECTION === undefined
      ? !(env.NODE_ENV === 'production' && salesforceMode === 'live')
      : env.GRAPHQL_INTROSPECTION === 'true';
  const trustedDocuments = resolveTrustedDocuments(env, problems);
  if (trustedDocuments === undefined) return undefined;
  return {
    debugErrors,
    introspection,
    suggestions: env.NODE_ENV === 'development',
    trustedDocuments,
  };
}
