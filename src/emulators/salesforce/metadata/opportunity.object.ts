import type { ObjectDef } from '../model/types';
import { OPPORTUNITY_CUSTOM_FIELDS } from './custom-fields';
import {
  booleanField,
  currencyField,
  dateField,
  idField,
  multiPicklistField,
  percentField,
  picklistField,
  referenceField,
  systemFields,
  textAreaField,
  textField,
} from './field-builders';
import {
  FORECAST_CATEGORIES,
  FORECAST_CATEGORY_NAMES,
  LEAD_SOURCES,
  OPPORTUNITY_STAGES,
  OPPORTUNITY_TYPES,
  PRODUCT_INTERESTS,
  picklist,
} from './picklists';

/** Derived by the org from StageName (IsClosed, IsWon, ForecastCategory) or Amount × Probability. */
const derived = { createable: false, updateable: false, calculated: true, defaultedOnCreate: true };

export const OPPORTUNITY_OBJECT: ObjectDef = {
  name: 'Opportunity',
  label: 'Opportunity',
  labelPlural: 'Opportunities',
  keyPrefix: '006',
  custom: false,
  queryable: true,
  createable: true,
  updateable: true,
  deletable: true,
  fields: [
    idField(),
    referenceField('AccountId', 'Account', ['Account'], { label: 'Account ID' }),
    textField('Name', 120, { label: 'Name', nillable: false }),
    textAreaField('Description', 32000),
    picklistField('StageName', picklist(OPPORTUNITY_STAGES.map((s) => s.value)), {
      label: 'Stage',
      nillable: false,
    }),
    currencyField('Amount', 18, 2),
    percentField('Probability', 3, 0, { label: 'Probability (%)' }),
    currencyField('ExpectedRevenue', 18, 2, {
      label: 'Expected Amount',
      createable: false,
      updateable: false,
      calculated: true,
    }),
    dateField('CloseDate', { nillable: false }),
    picklistField('Type', picklist(OPPORTUNITY_TYPES), { label: 'Opportunity Type' }),
    picklistField('LeadSource', picklist(LEAD_SOURCES), { label: 'Lead Source' }),
    booleanField('IsClosed', { ...derived, label: 'Closed' }),
    booleanField('IsWon', { ...derived, label: 'Won' }),
    picklistField('ForecastCategory', picklist(FORECAST_CATEGORIES), {
      ...derived,
      nillable: false,
    }),
    picklistField('ForecastCategoryName', picklist(FORECAST_CATEGORY_NAMES), {
      label: 'Forecast Category',
      defaultedOnCreate: true,
    }),
    ...systemFields({ owner: true, deletable: true }),
    multiPicklistField('Product_Interest__c', picklist(PRODUCT_INTERESTS), { custom: true }),
    ...OPPORTUNITY_CUSTOM_FIELDS,
  ],
  childRelationships: [],
};
