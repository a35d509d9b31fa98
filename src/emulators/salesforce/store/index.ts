export { OrgStore } from './org-store';
export { createSeededStore } from './create-seeded-store';
export { compoundAddress, personName } from './derived-fields';
export type {
  DmlError,
  DmlResult,
  FieldInput,
  LeadConvertInput,
  LeadConvertResult,
  SeedData,
} from './store-types';
