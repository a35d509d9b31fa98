import type { DescribedField } from '../../src/upstreams/salesforce/client';

/** A describe field as jsforce returns it: a plain, writable text field unless overridden. */
export function describedField(
  name: string,
  overrides: Partial<DescribedField> = {},
): DescribedField {
  return {
    name,
    label: name,
    type: 'string',
    custom: false,
    calculated: false,
    filterable: true,
    sortable: true,
    createable: true,
    updateable: true,
    nillable: true,
    length: 255,
    referenceTo: [],
    relationshipName: null,
    extraTypeInfo: null,
    compoundFieldName: null,
    picklistValues: [],
    ...overrides,
  };
}
