import type { SObjectName } from '../../../upstreams/salesforce/soql';

/** Salesforce key prefixes: the first three characters of an Id name its object. */
export const KEY_PREFIXES: Record<SObjectName, string> = {
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  Lead: '00Q',
  User: '005',
};

export function objectForId(id: string): SObjectName | null {
  const prefix = id.slice(0, 3);
  const entry = Object.entries(KEY_PREFIXES).find(([, value]) => value === prefix);
  return entry ? (entry[0] as SObjectName) : null;
}
