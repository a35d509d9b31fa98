import type { FieldDef } from '../model/types';
import {
  booleanField,
  currencyField,
  dateField,
  dateTimeField,
  doubleField,
  emailField,
  encryptedTextField,
  intField,
  locationField,
  multiPicklistField,
  percentField,
  phoneField,
  picklistField,
  referenceField,
  richTextAreaField,
  textAreaField,
  textField,
  urlField,
} from './field-builders';
import { STANDARD_PROFILE } from './field-security';
import { picklist } from './picklists';

/**
 * The demo org's own fields, as an admin would add them: a few of every describe type on each
 * CRM object, including ones a gateway cannot type (geolocation, encrypted text, long rich
 * text) and ones field-level security hides from the reps' profile.
 */
export const REGIONS = ['AMER', 'EMEA', 'APAC', 'LATAM'] as const;
export const SEGMENTS = ['SMB', 'Mid-Market', 'Enterprise', 'Public Sector'] as const;
export const LANGUAGES = ['English', 'German', 'French', 'Spanish', 'Japanese'] as const;
export const COMPETITORS = ['Acme Cloud', 'Globex', 'Initech', 'None'] as const;
export const LEAD_INTERESTS = [
  'Payments',
  'Support',
  'Billing',
  'Analytics',
  'Integrations',
] as const;

const custom = { custom: true } as const;
const hiddenFromReps = { custom: true, hiddenFromProfiles: [STANDARD_PROFILE] } as const;

export const ACCOUNT_CUSTOM_FIELDS: FieldDef[] = [
  picklistField('Region__c', picklist(REGIONS), custom),
  multiPicklistField('Segments__c', picklist(SEGMENTS), custom),
  currencyField('Credit_Limit__c', 16, 2, hiddenFromReps),
  intField('Health_Score__c', 3, custom),
  dateField('Renewal_Date__c', custom),
  booleanField('Is_Strategic__c', custom),
  referenceField('Primary_Contact__c', 'Primary_Contact__r', ['Contact'], custom),
  emailField('Billing_Email__c', custom),
  phoneField('Support_Phone__c', custom),
  urlField('Portal_Url__c', { ...custom, label: 'Portal URL' }),
  textAreaField('Summary__c', 1000, custom),
  locationField('Office_Location__c', custom),
  encryptedTextField('Tax_Id__c', 20, { ...custom, label: 'Tax ID' }),
  richTextAreaField('Account_Plan__c', 32768, custom),
];

export const CONTACT_CUSTOM_FIELDS: FieldDef[] = [
  textField('Nickname__c', 80, custom),
  multiPicklistField('Languages__c', picklist(LANGUAGES), custom),
  dateTimeField('Last_Survey_At__c', { ...custom, label: 'Last Survey At' }),
  doubleField('Loyalty_Score__c', 5, 2, custom),
  dateField('Birthday__c', hiddenFromReps),
  booleanField('Is_Champion__c', custom),
];

export const OPPORTUNITY_CUSTOM_FIELDS: FieldDef[] = [
  referenceField('Partner_Account__c', 'Partner_Account__r', ['Account'], custom),
  // Campaign is not one of the graph's types: the gateway exposes the Id.
  referenceField('Campaign__c', 'Campaign__r', ['Campaign'], custom),
  percentField('Discount__c', 5, 2, custom),
  currencyField('Margin__c', 16, 2, hiddenFromReps),
  picklistField('Competitor__c', picklist(COMPETITORS), custom),
  dateField('Next_Step_Date__c', custom),
  richTextAreaField('Deal_Notes__c', 2000, custom),
];

export const LEAD_CUSTOM_FIELDS: FieldDef[] = [
  intField('Score__c', 3, custom),
  currencyField('Budget__c', 16, 2, custom),
  booleanField('Is_Qualified__c', custom),
  multiPicklistField('Interests__c', picklist(LEAD_INTERESTS), custom),
  dateTimeField('Follow_Up_At__c', { ...custom, label: 'Follow Up At' }),
  urlField('Referral_Url__c', { ...custom, label: 'Referral URL' }),
];
