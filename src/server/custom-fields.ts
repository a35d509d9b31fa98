import type { CustomFieldsConfig } from '../config';
import type { Logger } from '../logging/logger';
import type { DescribedField, SalesforceClient } from '../upstreams/salesforce/client';
import {
  CUSTOM_FIELD_OBJECTS,
  planCustomFields,
  type CustomFieldObject,
  type CustomFieldPlan,
} from '../upstreams/salesforce/custom-field-plan';
import { registerCustomFields, type CustomFieldSpec } from '../upstreams/salesforce/soql';

/** Describes the four CRM objects once, as the client's user (the integration user). */
export async function describeCrmObjects(
  client: SalesforceClient,
): Promise<Partial<Record<CustomFieldObject, DescribedField[]>>> {
  const describe = client.describeFields?.bind(client);
  if (!describe) return {};
  const results = await Promise.all(CUSTOM_FIELD_OBJECTS.map((object) => describe(object)));
  return Object.fromEntries(CUSTOM_FIELD_OBJECTS.map((object, i) => [object, results[i]]));
}

/** The custom fields `selection` exposes, from a fresh describe of the org. */
export async function planOrgCustomFields(
  client: SalesforceClient,
  selection: CustomFieldsConfig,
): Promise<CustomFieldPlan> {
  if (selection.mode === 'none') return { fields: [], skipped: [] };
  return planCustomFields(await describeCrmObjects(client), selection);
}

/**
 * At startup: the org's custom fields for the schema, registered with the SOQL mappings. A
 * failed describe does not stop the gateway: it serves the standard schema and says so.
 * Changes in Salesforce are picked up on the next start or by `POST /admin/reload-schema`
 * (schema-reload.ts; README "Custom fields").
 */
export async function loadCustomFields(options: {
  selection: CustomFieldsConfig;
  client: SalesforceClient | undefined;
  logger: Logger;
}): Promise<CustomFieldSpec[]> {
  const { selection, client, logger } = options;
  if (selection.mode === 'none') return [];
  if (!client?.describeFields) {
    logger.warn(
      { customFields: selection.mode },
      'custom fields: no integration connection to describe the org with; serving the standard schema',
    );
    return [];
  }
  let plan: CustomFieldPlan;
  try {
    plan = await planOrgCustomFields(client, selection);
  } catch (err) {
    logger.error({ err }, 'custom fields: describe failed; serving the standard schema');
    return [];
  }
  for (const skipped of plan.skipped) {
    logger.info(
      { object: skipped.object, field: skipped.name, reason: skipped.reason },
      'custom field skipped',
    );
  }
  logger.info(
    {
      mode: selection.mode,
      fields: plan.fields.map((f) => `${f.object}.${f.name}`),
      skipped: plan.skipped.map((s) => `${s.object}.${s.name}`),
    },
    `custom fields: ${plan.fields.length} exposed, ${plan.skipped.length} skipped`,
  );
  registerCustomFields(plan.fields);
  return plan.fields;
}
