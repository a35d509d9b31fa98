import { OBJECT_MAPPINGS } from './object-mappings';
import {
  buildByIdsQuery,
  buildChildConnectionsQuery,
  buildConnectionQuery,
} from './query-builders';
import { buildPipelineQuery } from './pipeline-query';
import {
  MAX_REQUEST_URI_BYTES,
  assertQueryFitsRequestUri,
  queryUriLength,
} from './request-uri-limit';
import { SoqlInputError } from './soql-input-error';
import { MAX_IDS_PER_QUERY, type SObjectName } from './soql.types';

/** A valid 18-character Id of `prefix` numbered `n` (lower-case digits only: suffix AAA). */
function id(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(12, '0')}AAA`;
}

/** Every scalar, address part and one level of parent fields: more than any selection reads by Id. */
function everyField(object: SObjectName): string[] {
  const mapping = OBJECT_MAPPINGS[object];
  const own = [
    ...Object.values(mapping.fields).map((f) => f.soql),
    ...Object.values(mapping.addresses).flatMap((a) => Object.values(a)),
  ];
  const parents = Object.values(mapping.parents).flatMap((p) =>
    Object.values(OBJECT_MAPPINGS[p.target].fields).map((f) => `${p.relationship}.${f.soql}`),
  );
  return [...new Set([...own, ...parents])];
}

const PREFIX: Record<SObjectName, string> = {
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  Lead: '00Q',
  User: '005',
};

describe('request-URI limit', () => {
  it('measures the URL-encoded query under the longest query path', () => {
    expect(queryUriLength('SELECT Id FROM Account')).toBe(
      '/services/data/v999.0/queryAll?q='.length + 'SELECT%20Id%20FROM%20Account'.length,
    );
  });

  it('accepts a query exactly at the limit and refuses one byte more, naming both lengths', () => {
    const base = queryUriLength('');
    expect(() => assertQueryFitsRequestUri('x'.repeat(MAX_REQUEST_URI_BYTES - base))).not.toThrow();
    let error: unknown;
    try {
      assertQueryFitsRequestUri('x'.repeat(MAX_REQUEST_URI_BYTES - base + 1));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SoqlInputError);
    expect((error as SoqlInputError).argument).toBe('where');
    expect((error as Error).message).toBe(
      'The filter makes a query URL of 16,385 characters; Salesforce accepts at most 16,384 in a request URL; use fewer values (for example fewer ids in `in`) or split the request',
    );
  });

  it('counts percent-encoding: multi-byte characters and quotes weigh their encoded length', () => {
    // 'é' is %C3%A9: six bytes in the URI for one character of SOQL.
    expect(queryUriLength('é') - queryUriLength('')).toBe(6);
    // fetch's URL parser writes a quote in a query as %27.
    expect(queryUriLength("'a'") - queryUriLength('')).toBe(7);
  });

  it('refuses 600 Ids in a connection filter before any call', () => {
    const ids = Array.from({ length: 600 }, (_, i) => id('003', i + 1));
    expect(() =>
      buildConnectionQuery({
        object: 'Contact',
        fields: ['Id'],
        where: { id: { in: ids } },
        first: 10,
      }),
    ).toThrow(/query URL of [\d,]+ characters; Salesforce accepts at most 16,384/);
  });

  it('accepts 400 Ids in a connection filter (≈ 11 KB of URL)', () => {
    const ids = Array.from({ length: 400 }, (_, i) => id('003', i + 1));
    const { soql } = buildConnectionQuery({
      object: 'Contact',
      fields: ['Id'],
      where: { id: { in: ids } },
      first: 10,
    });
    expect(queryUriLength(soql)).toBeLessThan(MAX_REQUEST_URI_BYTES);
  });

  it('applies to the pipeline aggregate too', () => {
    const names = Array.from({ length: 400 }, (_, i) => `Stage name number ${i} padded out`);
    expect(() => buildPipelineQuery({ stageName: { in: names } })).toThrow(SoqlInputError);
  });

  it.each(Object.keys(PREFIX) as SObjectName[])(
    'keeps a by-Id batch of %s (200 Ids, every field) under the limit with room to spare',
    (object) => {
      const ids = Array.from({ length: MAX_IDS_PER_QUERY }, (_, i) => id(PREFIX[object], i + 1));
      const soql = buildByIdsQuery({ object, fields: everyField(object), ids });
      expect(queryUriLength(soql)).toBeLessThan(MAX_REQUEST_URI_BYTES * 0.75);
    },
  );

  it('keeps a child-connection batch (200 parents, every child field) under the limit', () => {
    const { soql } = buildChildConnectionsQuery({
      parent: 'Account',
      relationship: 'Opportunities',
      child: 'Opportunity',
      fields: everyField('Opportunity').filter((f) => !f.includes('.')),
      first: 200,
      parentIds: Array.from({ length: MAX_IDS_PER_QUERY }, (_, i) => id('001', i + 1)),
    });
    expect(queryUriLength(soql)).toBeLessThan(MAX_REQUEST_URI_BYTES * 0.75);
  });
});
