import 'reflect-metadata';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { buildDemoOrgSchema } from './demo-org-schema';
import { buildGatewaySchema } from './schema';
import { findUndescribedElements } from './schema-descriptions';

/** Fails naming every coordinate without a description, one per line. */
function expectEveryElementDescribed(schema: GraphQLSchema): void {
  const missing = findUndescribedElements(schema);
  if (missing.length > 0) {
    throw new Error(
      `${missing.length} schema element(s) lack a description:\n  ${missing.join('\n  ')}`,
    );
  }
}

describe('schema descriptions', () => {
  let demo: GraphQLSchema;

  beforeAll(async () => {
    // The demo org's schema: the standard one plus the custom fields read from its describe.
    demo = await buildDemoOrgSchema();
  }, 60_000);

  it('describes every type, field, argument, input field and enum value of the demo org schema', () => {
    expectEveryElementDescribed(demo);
  });

  it('describes every element of the standard schema (no custom fields)', async () => {
    expectEveryElementDescribed(await buildGatewaySchema());
  });

  it('lists every coordinate that lacks a description, and fails on them', () => {
    const sdl = buildSchema(`
      """Described."""
      type Query {
        """Described."""
        a(x: Int, """Described.""" y: Int): E
        b: T
      }
      type T { """ """ c(z: String): Int }
      input I { p: Int }
      """Described."""
      enum E { """Described.""" ONE TWO }
      directive @tag(name: String) on FIELD_DEFINITION
      scalar S
      type Uses { i(arg: I): S }
    `);
    expect(findUndescribedElements(sdl).sort()).toEqual(
      [
        'Query.a(x:)',
        'Query.b',
        'T',
        'T.c',
        'T.c(z:)',
        'I',
        'I.p',
        'E.TWO',
        '@tag',
        '@tag(name:)',
        'S',
        'Uses',
        'Uses.i',
        'Uses.i(arg:)',
      ].sort(),
    );
    expect(() => expectEveryElementDescribed(sdl)).toThrow(
      /14 schema element\(s\)[^]*Query\.a\(x:\)/,
    );
  });
});
