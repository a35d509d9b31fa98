import { buildSchema, parse } from 'graphql';
import { ValidDocuments } from './valid-documents';

const schema = () => buildSchema('type Query { a: Int }');

describe('ValidDocuments', () => {
  it('answers the same document for the same text and schema only', () => {
    const documents = new ValidDocuments();
    const first = schema();
    const document = parse('{ a }');
    documents.set(first, '{ a }', document);
    expect(documents.get(first, '{ a }')).toBe(document);
    expect(documents.get(first, '{a}')).toBeUndefined();
    // A reloaded schema validates again.
    expect(documents.get(schema(), '{ a }')).toBeUndefined();
  });

  it('stays bounded: past 500 documents the oldest go first', () => {
    const documents = new ValidDocuments();
    const s = schema();
    for (let i = 0; i <= 500; i += 1) documents.set(s, `{ a${i}: a }`, parse(`{ a${i}: a }`));
    expect(documents.get(s, '{ a0: a }')).toBeUndefined();
    expect(documents.get(s, '{ a500: a }')).toBeDefined();
    expect(documents.get(s, '{ a499: a }')).toBeDefined();
  });
});
