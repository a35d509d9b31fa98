import type { FieldDef, FieldType, PicklistValue } from '../model/types';

/**
 * Builders that give each field type the describe flags a real org reports, so the object
 * files only state what differs per field (nillable, createable, length...).
 */
export interface FieldOptions {
  label?: string;
  nillable?: boolean;
  createable?: boolean;
  updateable?: boolean;
  calculated?: boolean;
  defaultedOnCreate?: boolean;
  custom?: boolean;
  externalId?: boolean;
  unique?: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  compoundFieldName?: string | null;
  extraTypeInfo?: string | null;
  /** Profiles whose field-level security hides the field (`Standard User` for the reps). */
  hiddenFromProfiles?: readonly string[];
}

interface TypeFlags {
  filterable: boolean;
  sortable: boolean;
  groupable: boolean;
  aggregatable: boolean;
}

const TYPE_FLAGS: Record<FieldType, TypeFlags> = {
  id: { filterable: true, sortable: true, groupable: true, aggregatable: true },
  reference: { filterable: true, sortable: true, groupable: true, aggregatable: true },
  string: { filterable: true, sortable: true, groupable: true, aggregatable: true },
  // Short textareas (street lines) behave like strings; long ones are overridden below.
  textarea: { filterable: true, sortable: true, groupable: true, aggregatable: true },
  picklist: { filterable: true, sortable: true, groupable: true, aggregatable: true },
  multipicklist: { filterable: true, sortable: false, groupable: false, aggregatable: false },
  email: { filterable: true, sortable: true, groupable: true, aggregatable: true },
  phone: { filterable: true, sortable: true, groupable: true, aggregatable: true },
  url: { filterable: true, sortable: true, groupable: true, aggregatable: true },
  boolean: { filterable: true, sortable: true, groupable: true, aggregatable: false },
  int: { filterable: true, sortable: true, groupable: true, aggregatable: true },
  double: { filterable: true, sortable: true, groupable: false, aggregatable: true },
  currency: { filterable: true, sortable: true, groupable: false, aggregatable: true },
  percent: { filterable: true, sortable: true, groupable: false, aggregatable: true },
  date: { filterable: true, sortable: true, groupable: true, aggregatable: true },
  datetime: { filterable: true, sortable: true, groupable: false, aggregatable: true },
  address: { filterable: false, sortable: false, groupable: false, aggregatable: false },
  location: { filterable: false, sortable: false, groupable: false, aggregatable: false },
  encryptedstring: { filterable: false, sortable: false, groupable: false, aggregatable: false },
};

/** Salesforce treats textareas longer than 255 characters as "long text": not usable in WHERE/ORDER BY/GROUP BY. */
const LONG_TEXT_THRESHOLD = 255;

function baseField(name: string, type: FieldType, options: FieldOptions): FieldDef {
  const flags = { ...TYPE_FLAGS[type] };
  const length = options.length ?? 0;
  if (type === 'textarea' && length > LONG_TEXT_THRESHOLD) {
    flags.filterable = false;
    flags.sortable = false;
    flags.groupable = false;
    flags.aggregatable = false;
  }
  const calculated = options.calculated ?? false;
  return {
    name,
    label: options.label ?? labelFor(name),
    type,
    nillable: options.nillable ?? true,
    ...flags,
    createable: options.createable ?? !calculated,
    updateable: options.updateable ?? !calculated,
    calculated,
    defaultedOnCreate: options.defaultedOnCreate ?? false,
    custom: options.custom ?? name.endsWith('__c'),
    externalId: options.externalId ?? false,
    unique: options.unique ?? false,
    length,
    precision: options.precision ?? 0,
    scale: options.scale ?? 0,
    relationshipName: null,
    referenceTo: [],
    picklistValues: [],
    compoundFieldName: options.compoundFieldName ?? null,
    extraTypeInfo: options.extraTypeInfo ?? (type === 'textarea' ? 'plaintextarea' : null),
    hiddenFromProfiles: options.hiddenFromProfiles ?? [],
  };
}

/** `AnnualRevenue` → `Annual Revenue`; `Stripe_Customer_Id__c` → `Stripe Customer Id`. */
function labelFor(name: string): string {
  return name
    .replace(/__c$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/Id$/, 'ID');
}

export const idField = (): FieldDef =>
  baseField('Id', 'id', {
    label: 'Record ID',
    nillable: false,
    createable: false,
    updateable: false,
    defaultedOnCreate: true,
    length: 18,
  });

export const textField = (name: string, length: number, options: FieldOptions = {}): FieldDef =>
  baseField(name, 'string', { ...options, length });

export const textAreaField = (name: string, length: number, options: FieldOptions = {}): FieldDef =>
  baseField(name, 'textarea', { ...options, length });

/** A rich text area: HTML, never filterable or sortable whatever its length. */
export const richTextAreaField = (
  name: string,
  length: number,
  options: FieldOptions = {},
): FieldDef => ({
  ...baseField(name, 'textarea', { ...options, length, extraTypeInfo: 'richtextarea' }),
  filterable: false,
  sortable: false,
  groupable: false,
  aggregatable: false,
});

export const emailField = (name: string, options: FieldOptions = {}): FieldDef =>
  baseField(name, 'email', { length: 80, ...options });

export const phoneField = (name: string, options: FieldOptions = {}): FieldDef =>
  baseField(name, 'phone', { length: 40, ...options });

export const urlField = (name: string, options: FieldOptions = {}): FieldDef =>
  baseField(name, 'url', { length: 255, ...options });

export const booleanField = (name: string, options: FieldOptions = {}): FieldDef =>
  // Checkboxes are never null and default to false on create.
  baseField(name, 'boolean', { nillable: false, defaultedOnCreate: true, ...options });

export const intField = (name: string, precision: number, options: FieldOptions = {}): FieldDef =>
  baseField(name, 'int', { ...options, precision });

export const doubleField = (
  name: string,
  precision: number,
  scale: number,
  options: FieldOptions = {},
): FieldDef => baseField(name, 'double', { ...options, precision, scale });

/** Geolocation; read-only compound as the emulator models it (its parts are not). */
export const locationField = (name: string, options: FieldOptions = {}): FieldDef =>
  baseField(name, 'location', { createable: false, updateable: false, ...options });

export const encryptedTextField = (
  name: string,
  length: number,
  options: FieldOptions = {},
): FieldDef => baseField(name, 'encryptedstring', { ...options, length });

export const currencyField = (
  name: string,
  precision: number,
  scale: number,
  options: FieldOptions = {},
): FieldDef => baseField(name, 'currency', { ...options, precision, scale });

export const percentField = (
  name: string,
  precision: number,
  scale: number,
  options: FieldOptions = {},
): FieldDef => baseField(name, 'percent', { ...options, precision, scale });

export const dateField = (name: string, options: FieldOptions = {}): FieldDef =>
  baseField(name, 'date', options);

export const dateTimeField = (name: string, options: FieldOptions = {}): FieldDef =>
  baseField(name, 'datetime', options);

export const picklistField = (
  name: string,
  values: PicklistValue[],
  options: FieldOptions = {},
): FieldDef => ({
  ...baseField(name, 'picklist', { length: 255, ...options }),
  picklistValues: values,
});

export const multiPicklistField = (
  name: string,
  values: PicklistValue[],
  options: FieldOptions = {},
): FieldDef => ({
  ...baseField(name, 'multipicklist', { length: 4099, ...options }),
  picklistValues: values,
});

export const referenceField = (
  name: string,
  relationshipName: string,
  referenceTo: string[],
  options: FieldOptions = {},
): FieldDef => ({
  ...baseField(name, 'reference', { length: 18, ...options }),
  relationshipName,
  referenceTo,
});

/** The read-only compound field (`BillingAddress`) whose parts are `BillingStreet`... */
export const addressField = (name: string, options: FieldOptions = {}): FieldDef =>
  baseField(name, 'address', { createable: false, updateable: false, ...options });

/** The parts of a compound address: `prefix` is `Billing`, `Mailing`, or '' (Lead, User). */
export function addressFields(prefix: string): FieldDef[] {
  const compound = `${prefix}Address`;
  const part = { compoundFieldName: compound };
  return [
    textAreaField(`${prefix}Street`, 255, part),
    textField(`${prefix}City`, 40, part),
    textField(`${prefix}State`, 80, part),
    textField(`${prefix}PostalCode`, 20, part),
    textField(`${prefix}Country`, 80, part),
    addressField(compound),
  ];
}

/**
 * `IsDeleted`, owner and audit fields. `OwnerId` is defaulted to the running user;
 * the audit fields are set by the org and never writable through the API.
 */
export function systemFields(options: {
  owner: boolean;
  ownerTo?: string[];
  deletable: boolean;
}): FieldDef[] {
  const readOnly = {
    createable: false,
    updateable: false,
    nillable: false,
    defaultedOnCreate: true,
  };
  const fields: FieldDef[] = [];
  if (options.deletable) fields.push(booleanField('IsDeleted', { ...readOnly, label: 'Deleted' }));
  if (options.owner) {
    fields.push(
      referenceField('OwnerId', 'Owner', options.ownerTo ?? ['User'], {
        label: 'Owner ID',
        nillable: false,
        defaultedOnCreate: true,
      }),
    );
  }
  fields.push(
    dateTimeField('CreatedDate', readOnly),
    referenceField('CreatedById', 'CreatedBy', ['User'], { ...readOnly, label: 'Created By ID' }),
    dateTimeField('LastModifiedDate', readOnly),
    referenceField('LastModifiedById', 'LastModifiedBy', ['User'], {
      ...readOnly,
      label: 'Last Modified By ID',
    }),
    dateTimeField('SystemModstamp', { ...readOnly, label: 'System Modstamp' }),
  );
  return fields;
}
