import { dayNumber, summarizeDayReport } from './summarize-day-report';

describe('summarizeDayReport', () => {
  it('rebuilds the exact Σ of day differences from month, day-in-month, year and day-in-year parts', () => {
    // Two won deals of group A: closed 2024-03-15 (created 2024-01-05) and 2025-01-01
    // (created 2024-12-31); one lost deal of A, one won deal of B closed 2024-02-29, created
    // 2023-02-28.
    const summary = summarizeDayReport(
      {
        counts: [
          {
            group: ['A'],
            labels: ['Ann'],
            flag: true,
            year: 2024,
            month: 3,
            count: 1,
            aggregates: [100, 1],
          },
          {
            group: ['A'],
            labels: ['Ann'],
            flag: true,
            year: 2025,
            month: 1,
            count: 1,
            aggregates: [null, 0],
          },
          {
            group: ['A'],
            labels: ['Ann'],
            flag: false,
            year: 2024,
            month: 3,
            count: 1,
            aggregates: [50, 1],
          },
          {
            group: ['B'],
            labels: ['Bo'],
            flag: true,
            year: 2024,
            month: 2,
            count: 1,
            aggregates: [7, 1],
          },
        ],
        rangeDays: [
          { group: ['A'], day: 15, year: 2024, count: 1 },
          { group: ['A'], day: 1, year: 2024, count: 1 },
          { group: ['B'], day: 29, year: 2023, count: 1 },
        ],
        otherDays: [
          { group: ['A'], day: 5, count: 1 },
          { group: ['A'], day: 366, count: 1 },
          { group: ['B'], day: 59, count: 1 },
        ],
      },
      2,
    );
    const expectedA =
      dayNumber(2024, 3, 15) -
      dayNumber(2024, 1, 5) +
      (dayNumber(2025, 1, 1) - dayNumber(2024, 12, 31));
    const a = summary.groups.find((g) => g.group[0] === 'A')!;
    const b = summary.groups.find((g) => g.group[0] === 'B')!;
    expect(a.rangeMinusOtherDays).toBe(expectedA); // 70 + 1
    expect(b.rangeMinusOtherDays).toBe(dayNumber(2024, 2, 29) - dayNumber(2023, 2, 28));
    expect(a).toMatchObject({ labels: ['Ann'], count: 3, flagged: 2, flaggedAggregates: [100, 1] });
    expect(summary.total).toMatchObject({ count: 4, flagged: 3, flaggedAggregates: [107, 2] });
    expect(summary.total.rangeMinusOtherDays).toBe(a.rangeMinusOtherDays + b.rangeMinusOtherDays);
  });

  it('numbers days from 1970-01-01 UTC', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2024, 3, 1) - dayNumber(2024, 2, 28)).toBe(2);
  });
});
