import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomFieldsConfig } from '../config';
import { registerCustomFieldInputs } from '../domains/crm/custom/custom-fields-schema';
import { ErrorCode, ForbiddenError, MASKED_MESSAGE, toGraphQLError } from '../errors';
import type { Logger } from '../logging/logger';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import { registerCustomFields, type CustomFieldSpec } from '../upstreams/salesforce/soql';
import { planOrgCustomFields } from './custom-fields';
import type { GatewayAuth } from './gateway-auth';
import type { Route } from './routes';
import { buildGatewaySchema } from './schema';
import type { SwappableSchema } from './swappable-schema';

export interface SchemaReloadResult {
  /** False when describe gave the same custom field plan: nothing was rebuilt or swapped. */
  changed: boolean;
  /** `Object.Field__c` of every custom field the schema now exposes. */
  fields: string[];
  added: string[];
  removed: string[];
}

export interface SchemaReloaderDeps {
  selection: CustomFieldsConfig;
  /** The integration user's client that described the org at startup; none: nothing to reload. */
  client: SalesforceClient | undefined;
  schema: SwappableSchema;
  /** The custom fields the startup schema was built with. */
  initialFields: readonly CustomFieldSpec[];
  logger: Logger;
}

const nameOf = (spec: CustomFieldSpec): string => `${spec.object}.${spec.name}`;

/**
 * Re-describes the org and, when the custom field plan changed, builds the new schema and
 * swaps it in. The build happens first; the registries (SOQL mappings, type-graphql input
 * metadata) are replaced and the schema swapped in one synchronous step after it, so no new
 * operation sees a half-changed gateway. Reloads run one at a time. A failed describe
 * throws and leaves everything as it was.
 */
export function createSchemaReloader(deps: SchemaReloaderDeps): () => Promise<SchemaReloadResult> {
  let fields: readonly CustomFieldSpec[] = deps.initialFields;
  let queue: Promise<unknown> = Promise.resolve();

  const reload = async (): Promise<SchemaReloadResult> => {
    const plan =
      deps.selection.mode === 'none' || !deps.client?.describeFields
        ? { fields: [...fields], skipped: [] }
        : await planOrgCustomFields(deps.client, deps.selection);
    const before = new Set(fields.map(nameOf));
    const after = new Set(plan.fields.map(nameOf));
    const result = {
      fields: [...after],
      added: [...after].filter((n) => !before.has(n)),
      removed: [...before].filter((n) => !after.has(n)),
    };
    if (JSON.stringify(plan.fields) === JSON.stringify(fields)) {
      deps.logger.info({ fields: result.fields }, 'reloadSchema: custom fields unchanged');
      return { changed: false, ...result };
    }
    const next = await buildGatewaySchema(plan.fields);
    registerCustomFields(plan.fields);
    registerCustomFieldInputs(plan.fields);
    deps.schema.swap(next);
    fields = plan.fields;
    deps.logger.info(
      { added: result.added, removed: result.removed, skipped: plan.skipped.length },
      `reloadSchema: schema swapped, ${plan.fields.length} custom fields exposed`,
    );
    return { changed: true, ...result };
  };

  return () => {
    const run = queue.then(reload);
    queue = run.catch(() => undefined);
    return run;
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * `POST /admin/reload-schema`: the integration credential only. Integration mode: a valid
 * API key; demo mode: anyone (the demo has no credentials, as for /graphql). User mode:
 * FORBIDDEN for every signed-in user (reps included); there a restart reloads the schema.
 * Errors come as GraphQL-style `{ errors: [{ message, extensions: { code } }] }`.
 */
export function reloadSchemaRoute(
  reload: () => Promise<SchemaReloadResult>,
  logger: Logger,
): Route {
  const handle = async (req: IncomingMessage, res: ServerResponse, auth: GatewayAuth) => {
    try {
      const { viewer } = await auth.resolveViewer(req.headers);
      if (viewer.mode === 'user') {
        throw new ForbiddenError(
          'reloadSchema is for the integration credential (an API key); in AUTH_MODE=user restart the gateway to reload custom fields',
        );
      }
      sendJson(res, 200, { data: { reloadSchema: await reload() } });
    } catch (err) {
      const error = toGraphQLError(err);
      const code = String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR');
      if (!(code in STATUS_OF)) logger.error({ err }, 'reloadSchema failed');
      // As formatError does for /graphql: an internal error's text (paths, upstream
      // details) stays in the log.
      const message = code === ErrorCode.INTERNAL_SERVER_ERROR ? MASKED_MESSAGE : error.message;
      sendJson(res, STATUS_OF[code] ?? 502, { errors: [{ message, extensions: { code } }] });
    }
  };
  return { path: '/admin/reload-schema', method: 'POST', handle };
}
