import type { PicklistValue } from '../model/types';

/** Values as a default Developer Edition org ships them (UPSTREAMS.md). */
export function picklist(values: readonly string[], defaultValue?: string): PicklistValue[] {
  return values.map((value) => ({
    value,
    label: value,
    active: true,
    defaultValue: value === defaultValue,
  }));
}

export interface OpportunityStage {
  value: string;
  probability: number;
  isClosed: boolean;
  isWon: boolean;
  /** API value of `ForecastCategory`. */
  forecastCategory: string;
  /** Label value of `ForecastCategoryName`. */
  forecastCategoryName: string;
}

const stage = (
  value: string,
  probability: number,
  forecastCategory: string,
  forecastCategoryName: string,
  isClosed = false,
  isWon = false,
): OpportunityStage => ({
  value,
  probability,
  isClosed,
  isWon,
  forecastCategory,
  forecastCategoryName,
});

export const OPPORTUNITY_STAGES: readonly OpportunityStage[] = [
  stage('Prospecting', 10, 'Pipeline', 'Pipeline'),
  stage('Qualification', 10, 'Pipeline', 'Pipeline'),
  stage('Needs Analysis', 20, 'Pipeline', 'Pipeline'),
  stage('Value Proposition', 50, 'Pipeline', 'Pipeline'),
  stage('Id. Decision Makers', 60, 'Pipeline', 'Pipeline'),
  stage('Perception Analysis', 70, 'Pipeline', 'Pipeline'),
  stage('Proposal/Price Quote', 75, 'Pipeline', 'Pipeline'),
  stage('Negotiation/Review', 90, 'Pipeline', 'Pipeline'),
  stage('Closed Won', 100, 'Closed', 'Closed', true, true),
  stage('Closed Lost', 0, 'Omitted', 'Omitted', true, false),
];

/** StageName → the default Probability Salesforce sets when the stage changes. */
export const STAGE_PROBABILITIES: Readonly<Record<string, number>> = Object.fromEntries(
  OPPORTUNITY_STAGES.map((s) => [s.value, s.probability]),
);

/** `ForecastCategory` API values; `Forecast` is labelled "Commit". */
export const FORECAST_CATEGORIES = [
  'Omitted',
  'Pipeline',
  'BestCase',
  'Forecast',
  'Closed',
] as const;
/** `ForecastCategoryName` values (the labels). */
export const FORECAST_CATEGORY_NAMES = [
  'Omitted',
  'Pipeline',
  'Best Case',
  'Commit',
  'Closed',
] as const;

export const LEAD_STATUSES = [
  'Open - Not Contacted',
  'Working - Contacted',
  'Closed - Converted',
  'Closed - Not Converted',
] as const;
export const DEFAULT_LEAD_STATUS = 'Open - Not Contacted';
/** The status a conversion sets by default (the "converted" status of the org). */
export const CONVERTED_LEAD_STATUS = 'Closed - Converted';

export const ACCOUNT_TYPES = [
  'Prospect',
  'Customer - Direct',
  'Customer - Channel',
  'Channel Partner / Reseller',
  'Installation Partner',
  'Technology Partner',
  'Other',
] as const;

export const INDUSTRIES = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other',
] as const;

export const LEAD_SOURCES = [
  'Web',
  'Phone Inquiry',
  'Partner Referral',
  'Purchased List',
  'Other',
] as const;

export const RATINGS = ['Hot', 'Warm', 'Cold'] as const;

export const OPPORTUNITY_TYPES = [
  'Existing Customer - Upgrade',
  'Existing Customer - Replacement',
  'Existing Customer - Downgrade',
  'New Customer',
] as const;

export const PRODUCT_INTERESTS = ['Payments', 'Support', 'Billing', 'Analytics'] as const;
