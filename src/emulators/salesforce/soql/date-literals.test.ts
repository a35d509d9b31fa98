import {
  dateLiteralRange,
  dateNLiteralRange,
  parseDateTimeValue,
  parseDateValue,
} from './date-literals';

const NOW = new Date('2024-03-15T12:00:00.000Z'); // Friday
const day = (iso: string): number => Date.parse(`${iso}T00:00:00.000Z`);
const range = (from: string, to: string) => ({ start: day(from), end: day(to) });

describe('date literals (UTC, weeks from Sunday, calendar quarters)', () => {
  it.each([
    ['TODAY', range('2024-03-15', '2024-03-16')],
    ['YESTERDAY', range('2024-03-14', '2024-03-15')],
    ['TOMORROW', range('2024-03-16', '2024-03-17')],
    ['THIS_WEEK', range('2024-03-10', '2024-03-17')],
    ['LAST_WEEK', range('2024-03-03', '2024-03-10')],
    ['NEXT_WEEK', range('2024-03-17', '2024-03-24')],
    ['THIS_MONTH', range('2024-03-01', '2024-04-01')],
    ['LAST_MONTH', range('2024-02-01', '2024-03-01')],
    ['NEXT_MONTH', range('2024-04-01', '2024-05-01')],
    ['THIS_QUARTER', range('2024-01-01', '2024-04-01')],
    ['LAST_QUARTER', range('2023-10-01', '2024-01-01')],
    ['NEXT_QUARTER', range('2024-04-01', '2024-07-01')],
    ['THIS_YEAR', range('2024-01-01', '2025-01-01')],
    ['LAST_YEAR', range('2023-01-01', '2024-01-01')],
    ['NEXT_YEAR', range('2025-01-01', '2026-01-01')],
    ['LAST_90_DAYS', range('2023-12-16', '2024-03-16')],
    ['this_month', range('2024-03-01', '2024-04-01')],
  ])('%s', (name, expected) => {
    expect(dateLiteralRange(name, NOW)).toEqual(expected);
  });

  it('crosses year boundaries', () => {
    const jan = new Date('2024-01-02T05:00:00.000Z');
    expect(dateLiteralRange('LAST_MONTH', jan)).toEqual(range('2023-12-01', '2024-01-01'));
    expect(dateLiteralRange('LAST_QUARTER', jan)).toEqual(range('2023-10-01', '2024-01-01'));
    expect(dateLiteralRange('LAST_WEEK', jan)).toEqual(range('2023-12-24', '2023-12-31'));
    const dec = new Date('2024-12-31T23:59:59.000Z');
    expect(dateLiteralRange('NEXT_QUARTER', dec)).toEqual(range('2025-01-01', '2025-04-01'));
  });

  it('LAST_N_DAYS includes today; NEXT_N_DAYS starts tomorrow', () => {
    expect(dateNLiteralRange('LAST_N_DAYS', 7, NOW)).toEqual(range('2024-03-08', '2024-03-16'));
    expect(dateNLiteralRange('NEXT_N_DAYS', 7, NOW)).toEqual(range('2024-03-16', '2024-03-23'));
    expect(dateNLiteralRange('LAST_N_DAYS', 0, NOW)).toEqual(range('2024-03-15', '2024-03-16'));
  });

  it('larger LAST_N/NEXT_N units exclude the current one; N_x_AGO is one unit', () => {
    expect(dateNLiteralRange('LAST_N_MONTHS', 2, NOW)).toEqual(range('2024-01-01', '2024-03-01'));
    expect(dateNLiteralRange('NEXT_N_QUARTERS', 1, NOW)).toEqual(range('2024-04-01', '2024-07-01'));
    expect(dateNLiteralRange('N_DAYS_AGO', 3, NOW)).toEqual(range('2024-03-12', '2024-03-13'));
    expect(dateNLiteralRange('NOT_A_LITERAL', 3, NOW)).toBeUndefined();
    expect(dateLiteralRange('SOMEDAY', NOW)).toBeUndefined();
  });

  it('parses dates and datetimes strictly', () => {
    expect(parseDateValue('2024-02-29')).toBe(day('2024-02-29'));
    expect(parseDateValue('2023-02-29')).toBeNaN();
    expect(parseDateValue('2024-13-01')).toBeNaN();
    expect(parseDateTimeValue('2024-01-31T10:00:00Z')).toBe(Date.parse('2024-01-31T10:00:00Z'));
    expect(parseDateTimeValue('2024-01-31T10:00:00.000+0100')).toBe(
      Date.parse('2024-01-31T09:00:00Z'),
    );
    expect(parseDateTimeValue('2024-01-31T25:00:00Z')).toBeNaN();
    expect(parseDateTimeValue('2024-01-31')).toBeNaN();
  });
});
