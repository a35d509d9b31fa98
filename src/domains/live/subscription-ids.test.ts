import { GraphQLError } from 'graphql';
import { parseSubscriptionIds } from './subscription-ids';

const ACCOUNT = '001000000000001AAA';
const CONTACT = '003000000000001AAA';
const LEAD = '00Q000000000001EAA';

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('expected a refusal');
}

describe('parseSubscriptionIds', () => {
  it('passes null and absent lists through (no filter)', () => {
    expect(parseSubscriptionIds(null, 'ids', ['ACCOUNT'])).toBeNull();
    expect(parseSubscriptionIds(undefined, 'ids', ['ACCOUNT'])).toBeUndefined();
    expect(parseSubscriptionIds([], 'ids', ['ACCOUNT'])).toEqual([]);
  });

  it('answers 18-character forms, restoring case from the suffix', () => {
    expect(
      parseSubscriptionIds(['001000000000001', CONTACT], 'ids', ['ACCOUNT', 'CONTACT']),
    ).toEqual([ACCOUNT, CONTACT]);
    expect(parseSubscriptionIds(['001000000000ABCaaa'], 'ids', ['ACCOUNT'])).toEqual([
      '001000000000abcAAA',
    ]);
  });

  it.each<[string, string[], readonly ('ACCOUNT' | 'CONTACT' | 'LEAD' | 'OPPORTUNITY')[], RegExp]>([
    ['too short', ['abc'], ['ACCOUNT'], /^ids\[0\]: Invalid Salesforce Id "abc"/],
    ['bad characters', [`${ACCOUNT.slice(0, 17)}-`], ['ACCOUNT'], /^ids\[0\]: Invalid/],
    ['bad checksum', [ACCOUNT, '001000000000001BAA'], ['ACCOUNT'], /^ids\[1\]: .*checksum/],
    [
      'wrong object',
      [CONTACT],
      ['ACCOUNT'],
      /^ids\[0\]: 003000000000001AAA is not the Id of an Account \(its key prefix is 003\)/,
    ],
    [
      'none of several',
      [ACCOUNT],
      ['LEAD', 'CONTACT', 'OPPORTUNITY'],
      /not the Id of a Lead, a Contact or an Opportunity/,
    ],
  ])('refuses %s with BAD_USER_INPUT naming the argument', (_label, ids, types, message) => {
    const error = refusal(() => parseSubscriptionIds(ids, 'ids', types));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' });
    expect(error.message).toMatch(message);
  });

  it('accepts an Id of any of the given types', () => {
    expect(parseSubscriptionIds([LEAD, CONTACT], 'ids', ['LEAD', 'CONTACT'])).toEqual([
      LEAD,
      CONTACT,
    ]);
  });
});
