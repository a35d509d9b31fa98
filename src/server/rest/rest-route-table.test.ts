import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  parse,
  validate,
  type GraphQLInputObjectType,
  type OperationDefinitionNode,
} from 'graphql';
import { toEnumValue, type FilterKind } from './rest-query-params';
import { REST_ROUTES } from './rest-route-table';

/** The contract the routes run against (npm run schema:check keeps it equal to the code). */
const schema = buildSchema(
  readFileSync(join(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8'),
);

const FILTER_INPUTS: Record<FilterKind, string> = {
  string: 'StringFilter',
  id: 'IDFilter',
  float: 'FloatFilter',
  int: 'IntFilter',
  boolean: 'BooleanFilter',
  date: 'DateFilter',
  datetime: 'DateTimeFilter',
};

function variableInput(document: string, variable: string): GraphQLInputObjectType {
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  const definition = operation.variableDefinitions?.find((v) => v.variable.name.value === variable);
  let typeNode = definition?.type;
  while (typeNode && typeNode.kind !== 'NamedType') typeNode = typeNode.type;
  const type = typeNode ? schema.getType(typeNode.name.value) : undefined;
  if (!type || !isInputObjectType(type)) throw new Error(`$${variable} is no input object`);
  return type;
}

describe('the REST route table', () => {
  it.each(REST_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s runs a document valid against schema.graphql',
    (_name, route) => {
      expect(validate(schema, parse(route.document))).toEqual([]);
    },
  );

  it('names each operation once', () => {
    const ids = REST_ROUTES.map((route) => route.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const names = REST_ROUTES.map(
      (route) => (parse(route.document).definitions[0] as OperationDefinitionNode).name?.value,
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('filters only fields of the where input, with the filter input of their kind', () => {
    for (const route of REST_ROUTES.filter((r) => r.list)) {
      const where = variableInput(route.document, 'where');
      for (const [field, kind] of Object.entries(route.list?.filters ?? {})) {
        const input = where.getFields()[field];
        expect(`${route.path} ${field}: ${input ? getNamedType(input.type).name : 'missing'}`).toBe(
          `${route.path} ${field}: ${FILTER_INPUTS[kind]}`,
        );
      }
    }
  });

  it('sorts only by values of the sort enum', () => {
    for (const route of REST_ROUTES.filter((r) => r.list?.sortFields)) {
      const orderBy = variableInput(route.document, 'orderBy');
      const fieldType = orderBy.getFields().field?.type;
      const sortEnum = fieldType ? getNamedType(fieldType) : undefined;
      if (!sortEnum || !isEnumType(sortEnum)) throw new Error(`${route.path}: no sort enum`);
      const values = sortEnum.getValues().map((value) => value.name);
      for (const field of route.list?.sortFields ?? []) {
        expect(values).toContain(toEnumValue(field));
      }
    }
  });
});
