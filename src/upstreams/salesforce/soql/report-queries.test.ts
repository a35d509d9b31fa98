import { buildDayReportQueries } from './report-queries';
import { leadConversionSpec, salesPerformanceSpec } from './report-specs';

describe('day report queries', () => {
  it('performance by OWNER: counts with the owner name, then the two day-part queries on won deals', () => {
    const q = buildDayReportQueries(
      salesPerformanceSpec('OWNER', { from: '2026-01-01', to: '2026-03-31' }),
    );
    const where = 'IsClosed = true AND CloseDate >= 2026-01-01 AND CloseDate <= 2026-03-31';
    expect(q.counts.soql).toBe(
      `SELECT OwnerId g0, Owner.Name l0, IsWon flag, CALENDAR_YEAR(CloseDate) yr, CALENDAR_MONTH(CloseDate) mo, COUNT(Id) n, SUM(Amount) a0, COUNT(Amount) a1 FROM Opportunity WHERE ${where} GROUP BY OwnerId, Owner.Name, IsWon, CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate)`,
    );
    expect(q.rangeDays.soql).toBe(
      `SELECT OwnerId g0, DAY_IN_MONTH(CloseDate) dy, CALENDAR_YEAR(CreatedDate) yr, COUNT(Id) n FROM Opportunity WHERE ${where} AND IsWon = true GROUP BY OwnerId, DAY_IN_MONTH(CloseDate), CALENDAR_YEAR(CreatedDate)`,
    );
    expect(q.otherDays.soql).toBe(
      `SELECT OwnerId g0, DAY_IN_YEAR(CreatedDate) dy, COUNT(Id) n FROM Opportunity WHERE ${where} AND IsWon = true GROUP BY OwnerId, DAY_IN_YEAR(CreatedDate)`,
    );
  });

  it('performance by CLOSE_MONTH selects and groups the month once, read under the group aliases', () => {
    const q = buildDayReportQueries(salesPerformanceSpec('CLOSE_MONTH', { from: null, to: null }));
    expect(q.counts.soql).toBe(
      'SELECT CALENDAR_YEAR(CloseDate) g0, CALENDAR_MONTH(CloseDate) g1, IsWon flag, COUNT(Id) n, SUM(Amount) a0, COUNT(Amount) a1 FROM Opportunity WHERE IsClosed = true GROUP BY CALENDAR_YEAR(CloseDate), CALENDAR_MONTH(CloseDate), IsWon',
    );
    expect(q.counts.columns.get('yr')).toBe('g0');
    expect(q.counts.columns.get('mo')).toBe('g1');
    expect(q.counts.columns.get('n')).toBe('n');
  });

  it('lead conversion bounds CreatedDate as UTC instants [from 00:00Z, to + 1 day 00:00Z)', () => {
    const q = buildDayReportQueries(
      leadConversionSpec('STATUS', { from: '2026-02-28', to: '2026-12-31' }),
    );
    expect(q.counts.soql).toBe(
      'SELECT Status g0, IsConverted flag, CALENDAR_YEAR(CreatedDate) yr, CALENDAR_MONTH(CreatedDate) mo, COUNT(Id) n FROM Lead WHERE CreatedDate >= 2026-02-28T00:00:00Z AND CreatedDate < 2027-01-01T00:00:00Z GROUP BY Status, IsConverted, CALENDAR_YEAR(CreatedDate), CALENDAR_MONTH(CreatedDate)',
    );
    expect(q.rangeDays.soql).toContain(
      'DAY_IN_MONTH(CreatedDate) dy, CALENDAR_YEAR(ConvertedDate) yr',
    );
    expect(q.otherDays.soql).toContain('DAY_IN_YEAR(ConvertedDate) dy');
    const open = buildDayReportQueries(leadConversionSpec('OWNER', { from: null, to: null }));
    expect(open.rangeDays.soql).toContain(' FROM Lead WHERE IsConverted = true GROUP BY ');
    expect(open.counts.soql).not.toContain('WHERE');
  });

  it('refuses a malformed date rather than splicing it into SOQL', () => {
    expect(() =>
      salesPerformanceSpec('TYPE', { from: "2026-01-01' OR Name != '", to: null }),
    ).toThrow(RangeError);
  });
});
