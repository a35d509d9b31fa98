import { QueryParserError } from './query-lexer';
import { parseQuery } from './query-parser';

describe('parseQuery (IDS query language)', () => {
  it('reads every clause, keywords in any case', () => {
    expect(
      parseQuery(
        "SeLeCt * FROM invoice WHERE CustomerRef IN ('1', '2') and TotalAmt >= 10.5 and Active = true ORDER BY TxnDate DESC, Id StartPosition 11 MaxResults 10",
      ),
    ).toEqual({
      entity: 'invoice',
      projection: '*',
      where: [
        { field: 'CustomerRef', operator: 'IN', value: ['1', '2'] },
        { field: 'TotalAmt', operator: '>=', value: 10.5 },
        { field: 'Active', operator: '=', value: true },
      ],
      orderBy: [
        { field: 'TxnDate', descending: true },
        { field: 'Id', descending: false },
      ],
      startPosition: 11,
      maxResults: 10,
    });
  });

  it('reads COUNT(*), a field list, dotted paths and escaped quotes', () => {
    expect(parseQuery('select count(*) from Customer').projection).toBe('count');
    const q = parseQuery(
      "select Id, DisplayName from Customer where MetaData.LastUpdatedTime > '2025-01-01' and DisplayName LIKE 'O\\'Brien%'",
    );
    expect(q.projection).toEqual(['Id', 'DisplayName']);
    expect(q.where).toEqual([
      { field: 'MetaData.LastUpdatedTime', operator: '>', value: '2025-01-01' },
      { field: 'DisplayName', operator: 'LIKE', value: "O'Brien%" },
    ]);
  });

  it.each([
    [
      "select * from Invoice where Id = '1' or Id = '2'",
      /Encountered " <OR> "or "" at line 1, column 38/,
    ],
    [
      "select * from Invoice where not Id = '1'",
      /Encountered " <NOT> "not "" at line 1, column 29/,
    ],
    ["select * from Invoice where Id != '1'", /Encountered " "!=" "!= "" at line 1, column 32/],
    ["select * from Invoice where (Id = '1')", /column 29/],
    ['select * from', /Encountered <EOF> at line 1, column 14/],
    ["select * from Invoice where Name = 'open", /Lexical error/],
    ['select * from Invoice maxresults ten', /column 34/],
    ['delete from Invoice', /Was expecting one of:\n {4}"select" .../],
  ])('rejects %s like QBO’s parser', (query, detail) => {
    expect(() => parseQuery(query)).toThrow(QueryParserError);
    expect(() => parseQuery(query)).toThrow(detail);
  });
});
