import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { PENDING_CONTRACT_PARTS } from './contract-pending';
import {
  compareWithContract,
  diffWithSharedContract,
  loadContract,
  printGatewaySchema,
} from './schema-artifact';

const contract = buildSchema(`
  type Account { id: ID!  name: String!  payments: [String!]! }
  type Payment { id: ID! }
  type Query { account(id: ID!): Account  payment: Payment }
`);

describe('compareWithContract', () => {
  it('forgives listed parts as pending and reports the rest', () => {
    const ours = buildSchema(`
      type Account { id: ID! }
      type Query { account(id: ID!): Account }
    `);
    const report = compareWithContract(contract, ours, [
      { coordinate: 'Payment', deliveredBy: 'later' },
      { coordinate: 'Account.payments', deliveredBy: 'later' },
      { coordinate: 'Query.payment', deliveredBy: 'later' },
    ]);
    expect(report.pending.map((p) => p.change.description).sort()).toEqual([
      'Account.payments was removed.',
      'Payment was removed.',
      'Query.payment was removed.',
    ]);
    expect(report.violations.map((v) => v.description)).toEqual(['Account.name was removed.']);
    expect(report.stale).toEqual([]);
  });

  it('flags allowlist entries the schema already delivers', () => {
    const report = compareWithContract(contract, contract, [
      { coordinate: 'Payment', deliveredBy: 'later' },
    ]);
    expect(report.violations).toEqual([]);
    expect(report.stale).toEqual([{ coordinate: 'Payment', deliveredBy: 'later' }]);
  });

  it('catches changed argument types', () => {
    const ours = buildSchema(`
      type Account { id: ID!  name: String!  payments: [String!]! }
      type Payment { id: ID! }
      type Query { account(id: String!): Account  payment: Payment }
    `);
    expect(compareWithContract(contract, ours, []).violations).toHaveLength(1);
  });

  it('treats a changed default value as a violation', () => {
    const withDefault = buildSchema('type Query { list(first: Int = 50): [Int] }');
    const changed = buildSchema('type Query { list(first: Int = 20): [Int] }');
    expect(compareWithContract(withDefault, changed, []).violations.map((v) => v.type)).toEqual([
      'ARG_DEFAULT_VALUE_CHANGE',
    ]);
  });

  it('lists only coordinates that exist in the real contract', () => {
    const real = loadContract();
    for (const part of PENDING_CONTRACT_PARTS) {
      const [typeName, fieldName] = part.coordinate.split('.');
      const type = real.getType(typeName ?? '');
      expect(type).toBeDefined();
      if (fieldName !== undefined && type !== undefined && 'getFields' in type) {
        expect(Object.keys(type.getFields())).toContain(fieldName);
      }
    }
  });
});

describe('printGatewaySchema', () => {
  it('prints sorted, whatever the declaration order', () => {
    const a = buildSchema('type Query { b: Int  a: Int }  type Z { x: Int }  type Y { x: Int }');
    const b = buildSchema('type Y { x: Int }  type Z { x: Int }  type Query { a: Int  b: Int }');
    expect(printGatewaySchema(a)).toBe(printGatewaySchema(b));
    expect(printGatewaySchema(a).indexOf('type Query')).toBeLessThan(
      printGatewaySchema(a).indexOf('type Y'),
    );
  });
});

describe('diffWithSharedContract', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'contract-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('says nothing when no shared contract sits beside the repository', () => {
    const copy = write('copy.graphql', 'type Query { a: Int }\n');
    expect(diffWithSharedContract(copy, join(dir, 'absent.graphql'))).toBeUndefined();
  });

  it('says nothing when the shared contract matches the copy', () => {
    const copy = write('copy.graphql', 'type Query { a: Int }\n');
    const shared = write('shared.graphql', 'type Query { a: Int }\n');
    expect(diffWithSharedContract(copy, shared)).toBeUndefined();
  });

  it('prints a unified diff from the copy to the shared contract', () => {
    const copy = write('copy.graphql', 'type Query {\n  a: Int\n}\n');
    const shared = write('shared.graphql', 'type Query {\n  a: Int\n  b: String\n}\n');
    const patch = diffWithSharedContract(copy, shared);
    expect(patch).toContain('+  b: String');
    expect(patch).toMatch(/--- .*copy\.graphql/);
    expect(patch).toMatch(/\+\+\+ .*shared\.graphql/);
  });
});
