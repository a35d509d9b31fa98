import { parseSearchExpression } from '../../../emulators/salesforce/sosl/search-expression';
import { parseSosl } from '../../../emulators/salesforce/sosl/sosl-statement';
import { buildSearchQuery, escapeSoslPhrase } from './sosl-query';
import { SoqlInputError } from './soql-input-error';

const objects = [
  { object: 'Account' as const, fields: ['Id', 'Name'] },
  { object: 'Lead' as const, fields: ['Id', 'Company'] },
];

/** The search expression the emulator reads from the statement the gateway builds. */
function termsOf(text: string): string[][] {
  const statement = parseSosl(buildSearchQuery({ text, objects, limit: 20 }));
  return parseSearchExpression(statement.searchQuery).map((group) => group.map((t) => t.text));
}

describe('buildSearchQuery', () => {
  it('asks for the selected fields per object with the limit per object and overall', () => {
    expect(buildSearchQuery({ text: ' acme  corp ', objects, limit: 5 })).toBe(
      'FIND {"acme corp"} IN ALL FIELDS RETURNING Account(Id, Name LIMIT 5), Lead(Id, Company LIMIT 5) LIMIT 5',
    );
  });

  it('escapes every SOSL reserved character with a backslash', () => {
    expect(escapeSoslPhrase(`?&|!{}[]()^~*:\\"'+-`)).toBe(
      `\\?\\&\\|\\!\\{\\}\\[\\]\\(\\)\\^\\~\\*\\:\\\\\\"\\'\\+\\-`,
    );
  });

  it.each([
    'acme} RETURNING User(Username',
    'x"} IN ALL FIELDS RETURNING User(Id) LIMIT 200',
    'a\\} OR b',
    'Smith AND NOT Jones OR "Doe"',
    '(Q&A) + R-D ~ 50% done: yes! [v2] {x} ^ | * ?',
  ])('%s parses back as one term holding the text, the statement intact', (text) => {
    const statement = parseSosl(buildSearchQuery({ text, objects, limit: 20 }));
    expect(statement.returning.map((r) => r.objectName)).toEqual(['Account', 'Lead']);
    expect(statement.limit).toBe(20);
    expect(termsOf(text)).toEqual([[text]]);
  });

  it.each([
    ['', 'text'],
    [' a ', 'text'],
    ['ab', 'first', 0],
    ['ab', 'first', 201],
    ['ab', 'first', 1.5],
  ])('refuses %j (%s) before any call', (text, argument, limit = 20) => {
    let error: unknown;
    try {
      buildSearchQuery({ text, objects, limit });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SoqlInputError);
    expect(error).toMatchObject({ argument });
  });
});
