import type {
  LeadConvertRequest,
  LeadConvertResponse,
  SalesforceClient,
  SaveResult,
} from '../client';
import { buildByIdsQuery, type SalesforceRecord, type SObjectName } from '../soql';

/*
 * Single-record writes as the GraphQL mutations make them: all-or-none, so a failed row is an
 * error result rather than a partial save. Reads after a write go past every cache.
 */

/**
 * One record by Id, read fresh (never a loader's memo or a cached entry): a write shows its
 * own result. The same request as the by-Id loader's, so the answer it refills in the
 * cross-request cache is what the next query of the record finds.
 */
export async function readRecordFresh(
  client: SalesforceClient,
  object: SObjectName,
  fields: string[],
  id: string,
): Promise<SalesforceRecord | undefined> {
  const [record] = await client.queryAll(buildByIdsQuery({ object, fields, ids: [id] }));
  return record;
}

export async function createOne(
  client: SalesforceClient,
  object: SObjectName,
  fields: Record<string, unknown>,
): Promise<SaveResult | undefined> {
  const [result] = await client.create(object, [fields], { allOrNone: true });
  return result;
}

export async function updateOne(
  client: SalesforceClient,
  object: SObjectName,
  record: { Id: string } & Record<string, unknown>,
): Promise<SaveResult | undefined> {
  const [result] = await client.update(object, [record], { allOrNone: true });
  return result;
}

export async function destroyOne(
  client: SalesforceClient,
  object: SObjectName,
  id: string,
): Promise<SaveResult | undefined> {
  const [result] = await client.destroy(object, [id], { allOrNone: true });
  return result;
}

export function convertLead(
  client: SalesforceClient,
  request: LeadConvertRequest,
): Promise<LeadConvertResponse> {
  return client.convertLead(request);
}
