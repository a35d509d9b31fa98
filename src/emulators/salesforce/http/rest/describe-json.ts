import type { FieldDef, FieldType, ObjectDef } from '../../model/types';

const SOAP_TYPES: Record<FieldType, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  address: 'urn:address',
  location: 'urn:location',
  encryptedstring: 'xsd:string',
};

const TEXT_TYPES: FieldType[] = [
  'string',
  'textarea',
  'picklist',
  'multipicklist',
  'email',
  'encryptedstring',
  'phone',
  'url',
  'id',
  'reference',
];

export function objectUrls(def: ObjectDef, apiVersion: string): Record<string, string> {
  const base = `/services/data/v${apiVersion}/sobjects/${def.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

/** One entry of describeGlobal's `sobjects` array. */
export function globalObjectJson(def: ObjectDef, apiVersion: string): Record<string, unknown> {
  return {
    activateable: false,
    associateEntityType: null,
    associateParentEntity: null,
    createable: def.createable,
    custom: def.custom,
    customSetting: false,
    deepCloneable: false,
    deletable: def.deletable,
    deprecatedAndHidden: false,
    feedEnabled: !def.custom,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: def.keyPrefix,
    label: def.label,
    labelPlural: def.labelPlural,
    layoutable: true,
    mergeable: ['Account', 'Contact', 'Lead'].includes(def.name),
    mruEnabled: true,
    name: def.name,
    queryable: def.queryable,
    replicateable: true,
    retrieveable: true,
    searchable: true,
    triggerable: true,
    undeletable: def.deletable,
    updateable: def.updateable,
    urls: objectUrls(def, apiVersion),
  };
}

export function describeGlobalJson(defs: ObjectDef[], apiVersion: string): Record<string, unknown> {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: defs.map((d) => globalObjectJson(d, apiVersion)),
  };
}

export function describeObjectJson(def: ObjectDef, apiVersion: string): Record<string, unknown> {
  return {
    ...globalObjectJson(def, apiVersion),
    actionOverrides: [],
    childRelationships: def.childRelationships.map((rel) => ({
      cascadeDelete: rel.cascadeDelete,
      childSObject: rel.childSObject,
      deprecatedAndHidden: false,
      field: rel.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: rel.relationshipName,
      restrictedDelete: false,
    })),
    compactLayoutable: true,
    defaultImplementation: null,
    extendedBy: null,
    extendsInterfaces: null,
    fields: def.fields.map((f) => describeFieldJson(def, f)),
    implementedBy: null,
    implementsInterfaces: null,
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [],
    searchLayoutable: true,
    sobjectDescribeOption: 'FULL',
    supportedScopes: [
      { label: `All ${def.labelPlural.toLowerCase()}`, name: 'everything' },
      { label: `My ${def.labelPlural.toLowerCase()}`, name: 'mine' },
    ],
  };
}

export function describeFieldJson(def: ObjectDef, f: FieldDef): Record<string, unknown> {
  const isNameField = f.name === 'Name' || (def.name === 'Case' && f.name === 'CaseNumber');
  return {
    aggregatable: f.aggregatable,
    aiPredictionField: false,
    autoNumber: false,
    byteLength: TEXT_TYPES.includes(f.type) ? f.length * 3 : 0,
    calculated: f.calculated,
    calculatedFormula: null,
    cascadeDelete: false,
    caseSensitive: false,
    compoundFieldName: f.compoundFieldName,
    controllerName: null,
    createable: f.createable,
    custom: f.custom,
    defaultValue: f.type === 'boolean' ? false : null,
    defaultValueFormula: null,
    defaultedOnCreate: f.defaultedOnCreate,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: f.type === 'int' ? f.precision : 0,
    displayLocationInDecimal: false,
    encrypted: f.type === 'encryptedstring',
    externalId: f.externalId,
    extraTypeInfo: f.extraTypeInfo,
    filterable: f.filterable,
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: false,
    groupable: f.groupable,
    highScaleNumber: false,
    htmlFormatted: f.extraTypeInfo === 'richtextarea',
    idLookup: f.type === 'id' || f.externalId || f.unique,
    inlineHelpText: null,
    label: f.label,
    length: f.length,
    mask: f.type === 'encryptedstring' ? 'X' : null,
    maskType: f.type === 'encryptedstring' ? 'all' : null,
    name: f.name,
    nameField: isNameField,
    namePointing: f.referenceTo.length > 1,
    nillable: f.nillable,
    permissionable: f.nillable && !f.calculated && f.type !== 'id',
    picklistValues: f.picklistValues.map((p) => ({ ...p, validFor: null })),
    polymorphicForeignKey: f.referenceTo.length > 1,
    precision: f.precision,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: f.referenceTo,
    relationshipName: f.relationshipName,
    relationshipOrder: null,
    restrictedDelete: false,
    restrictedPicklist: false,
    scale: f.scale,
    searchPrefilterable: false,
    soapType: SOAP_TYPES[f.type],
    sortable: f.sortable,
    type: f.type,
    unique: f.unique,
    updateable: f.updateable,
    writeRequiresMasterRead: false,
  };
}
