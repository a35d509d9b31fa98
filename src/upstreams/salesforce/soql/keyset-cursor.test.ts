import { decodeCursor, encodeCursor } from './keyset-cursor';
import { buildConnectionQuery } from './query-builders';
import { SoqlInputError } from './soql-input-error';
import type { SortKey } from './soql.types';

const KEYS: SortKey[] = [
  { field: 'Amount', direction: 'DESC', nulls: 'LAST' },
  { field: 'Account.Name', direction: 'ASC', nulls: 'FIRST' },
  { field: 'Id', direction: 'ASC', nulls: 'FIRST' },
];
const RECORD = { Id: '006000000000001AAA', Amount: 12.5, Account: { Name: "O'Brien" } };

function decodeError(cursor: string, keys: SortKey[] = KEYS): SoqlInputError {
  try {
    decodeCursor(cursor, keys);
  } catch (err) {
    if (err instanceof SoqlInputError) return err;
    throw err;
  }
  throw new Error('expected decodeCursor to throw');
}

describe('keyset cursors', () => {
  it('round-trips sort values and Id, reading relationship paths', () => {
    const cursor = encodeCursor(RECORD, KEYS);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, KEYS)).toEqual([12.5, "O'Brien", '006000000000001AAA']);
  });

  it('keeps nulls, including a null parent', () => {
    const cursor = encodeCursor({ Id: '006000000000001AAA', Amount: null, Account: null }, KEYS);
    expect(decodeCursor(cursor, KEYS)).toEqual([null, null, '006000000000001AAA']);
  });

  it('rejects a cursor issued for another orderBy', () => {
    const cursor = encodeCursor(RECORD, KEYS);
    const other: SortKey[] = [{ ...KEYS[0], direction: 'ASC' }, KEYS[1], KEYS[2]];
    const error = decodeError(cursor, other);
    expect(error.argument).toBe('after');
    expect(error.message).toMatch(/different orderBy/);
    expect(decodeError(cursor, [{ ...KEYS[0], nulls: 'FIRST' }, KEYS[1], KEYS[2]]).message).toMatch(
      /different orderBy/,
    );
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['empty', ''],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['JSON null', Buffer.from('null').toString('base64url')],
    ['wrong version', Buffer.from(JSON.stringify({ v: 2, s: 'x', k: [] })).toString('base64url')],
    ['huge', 'A'.repeat(5000)],
  ])('rejects a %s cursor with SoqlInputError', (_label, cursor) => {
    const error = decodeError(cursor);
    expect(error.argument).toBe('after');
    expect(error.message).toMatch(/^Invalid cursor in after/);
  });

  it('rejects tampered values: wrong count, objects, a non-string Id', () => {
    const genuine = JSON.parse(Buffer.from(encodeCursor(RECORD, KEYS), 'base64url').toString()) as {
      v: number;
      s: string;
      k: unknown[];
    };
    const forge = (k: unknown[]): string =>
      Buffer.from(JSON.stringify({ ...genuine, k })).toString('base64url');
    expect(decodeError(forge([1, 'a'])).message).toMatch(/not a cursor/);
    expect(decodeError(forge([{}, 'a', 'b'])).message).toMatch(/not a cursor/);
    expect(decodeError(forge([1, 'a', 5])).message).toMatch(/record Id/);
  });

  it('writes the v1 JSON payload, the same for equal sort keys held in different arrays', () => {
    const payload = (cursor: string): unknown =>
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const first = encodeCursor(RECORD, KEYS);
    expect(payload(first)).toEqual({
      v: 1,
      s: expect.stringMatching(/^[0-9a-z]+$/),
      k: [12.5, "O'Brien", '006000000000001AAA'],
    });
    // Plans are kept per array: an equal copy must hash the same, a different spec must not.
    expect(
      encodeCursor(
        RECORD,
        KEYS.map((k) => ({ ...k })),
      ),
    ).toBe(first);
    const byId: SortKey[] = [{ field: 'Id', direction: 'ASC', nulls: 'FIRST' }];
    const other = encodeCursor(RECORD, byId);
    expect(payload(other)).toMatchObject({ k: ['006000000000001AAA'] });
    expect((payload(other) as { s: string }).s).not.toBe((payload(first) as { s: string }).s);
    expect(encodeCursor({ ...RECORD, Amount: 3 }, KEYS)).not.toBe(first);
    expect(decodeCursor(encodeCursor({ ...RECORD, Amount: 3 }, KEYS), KEYS)[0]).toBe(3);
  });

  it('refuses a sort value that is an object, even through the cached plan', () => {
    encodeCursor(RECORD, KEYS);
    expect(() => encodeCursor({ ...RECORD, Amount: { value: 1 } }, KEYS)).toThrow(/not a scalar/);
  });

  it('refuses to encode a record lacking a sort field (a selection bug, not user input)', () => {
    expect(() => encodeCursor({ Id: '006000000000001AAA' }, KEYS)).toThrow(
      /select every sort field/,
    );
  });

  it('a forged cursor cannot inject SOQL: its values go through the literal formatter', () => {
    const keys = buildConnectionQuery({
      object: 'Account',
      fields: [],
      first: 5,
      orderBy: [{ field: 'NAME' }],
    }).sortKeys;
    const forged = encodeCursor({ Id: '001000000000001AAA', Name: "x' OR Name != 'y" }, keys);
    const { soql } = buildConnectionQuery({
      object: 'Account',
      fields: [],
      first: 5,
      orderBy: [{ field: 'NAME' }],
      after: forged,
    });
    expect(soql).toContain("Name > 'x\\' OR Name != \\'y'");
    const badId = encodeCursor({ Id: "' OR Id != '", Name: 'x' } as never, keys);
    expect(() =>
      buildConnectionQuery({
        object: 'Account',
        fields: [],
        first: 5,
        orderBy: [{ field: 'NAME' }],
        after: badId,
      }),
    ).toThrow(SoqlInputError);
    const badDate = encodeCursor({ Id: '001000000000001AAA', CreatedDate: 'yesterday' }, [
      { field: 'CreatedDate', direction: 'ASC', nulls: 'FIRST' },
      { field: 'Id', direction: 'ASC', nulls: 'FIRST' },
    ]);
    expect(() =>
      buildConnectionQuery({
        object: 'Account',
        fields: [],
        first: 5,
        orderBy: [{ field: 'CREATED_DATE' }],
        after: badDate,
      }),
    ).toThrow(/Invalid cursor in after: Invalid DateTime/);
  });
});
