import { groupTerms, parseSearchQuery } from './search-query';
import { dateValue, matchesDate } from './term-values';

describe('parseSearchQuery', () => {
  it('splits type, keyword terms with every operator, negation, quoted values and words', () => {
    const parsed = parseSearchQuery(
      'type:ticket organization:123 organization:"Acme Corp" status<solved priority>=high -tags:vip "printer fire" refund',
    );
    expect(parsed.types).toEqual(['ticket']);
    expect(parsed.terms).toEqual([
      { kind: 'field', field: 'organization', operator: ':', value: '123', negated: false },
      { kind: 'field', field: 'organization', operator: ':', value: 'Acme Corp', negated: false },
      { kind: 'field', field: 'status', operator: '<', value: 'solved', negated: false },
      { kind: 'field', field: 'priority', operator: '>=', value: 'high', negated: false },
      { kind: 'field', field: 'tags', operator: ':', value: 'vip', negated: true },
      { kind: 'text', text: 'printer fire', negated: false },
      { kind: 'text', text: 'refund', negated: false },
    ]);
  });

  it('ORs repeated keyword: terms and ANDs comparisons, negations and words', () => {
    const { terms } = parseSearchQuery(
      'organization:1 created>2024-01-01 organization:2 created<2024-02-01 -status:closed',
    );
    const groups = groupTerms(terms);
    expect(groups.map((g) => g.length)).toEqual([2, 1, 1, 1]);
  });
});

describe('search dates', () => {
  const now = new Date('2025-06-30T12:00:00Z');

  it('reads calendar days, ISO times and relative spans', () => {
    expect(dateValue('2025-06-01', now)).toEqual({
      from: Date.parse('2025-06-01T00:00:00Z'),
      to: Date.parse('2025-06-01T23:59:59.999Z'),
    });
    expect(dateValue('2hours', now)).toEqual({
      from: Date.parse('2025-06-30T10:00:00Z'),
      to: Date.parse('2025-06-30T10:00:00Z'),
    });
    expect(dateValue('soon', now)).toBeUndefined();
  });

  it('compares a timestamp with each operator', () => {
    const at = '2025-06-01T08:00:00Z';
    expect(matchesDate(':', at, '2025-06-01', now)).toBe(true);
    expect(matchesDate('<', at, '2025-06-02', now)).toBe(true);
    expect(matchesDate('>', at, '2025-06-01', now)).toBe(false);
    expect(matchesDate('>=', at, '2025-06-01', now)).toBe(true);
    expect(matchesDate('<=', at, '2025-05-31', now)).toBe(false);
    expect(matchesDate(':', null, '2025-06-01', now)).toBe(false);
  });
});
