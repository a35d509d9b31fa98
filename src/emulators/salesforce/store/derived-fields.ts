import { OPPORTUNITY_STAGES } from '../metadata';
import type { AddressValue, FieldValue, ObjectDef, SObjectRecord } from '../model/types';

/** `ForecastCategoryName` label → `ForecastCategory` API value, where they differ. */
const FORECAST_CATEGORY_OF_NAME: Readonly<Record<string, string>> = {
  'Best Case': 'BestCase',
  Commit: 'Forecast',
};

const PERSON_OBJECTS = new Set(['Contact', 'Lead', 'User']);
const ADDRESS_PARTS = ['Street', 'City', 'State', 'PostalCode', 'Country'] as const;

const text = (value: FieldValue | undefined): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
const num = (value: FieldValue | undefined): number | null =>
  typeof value === 'number' ? value : null;

/** `FirstName LastName`, as the org computes the read-only Name of people. */
export function personName(first: FieldValue | undefined, last: FieldValue | undefined): string {
  return [text(first), text(last)].filter((p): p is string => p !== null).join(' ');
}

/** The compound value of `<prefix>Address`, or null when every part is empty. */
export function compoundAddress(record: SObjectRecord, prefix: string): AddressValue | null {
  const [street, city, state, postalCode, country] = ADDRESS_PARTS.map((part) =>
    text(record[`${prefix}${part}`]),
  );
  if ([street, city, state, postalCode, country].every((p) => p === null)) return null;
  return {
    street,
    city,
    state,
    postalCode,
    country,
    geocodeAccuracy: null,
    latitude: null,
    longitude: null,
  };
}

/**
 * Recomputes what the org derives on save: people's Name, compound addresses and, for
 * opportunities, the stage rules (default Probability when the stage is set without one,
 * IsClosed/IsWon/ForecastCategory from the stage) and ExpectedRevenue.
 * `written` holds the describe names the caller set in this save.
 */
export function applyDerivedFields(
  objectDef: ObjectDef,
  record: SObjectRecord,
  written: ReadonlySet<string>,
  isCreate: boolean,
): void {
  if (PERSON_OBJECTS.has(objectDef.name)) {
    record.Name = personName(record.FirstName, record.LastName);
  }
  for (const field of objectDef.fields) {
    if (field.type === 'address') {
      record[field.name] = compoundAddress(record, field.name.replace(/Address$/, ''));
    }
  }
  if (objectDef.name === 'Opportunity') applyStageRules(record, written, isCreate);
}

function applyStageRules(
  record: SObjectRecord,
  written: ReadonlySet<string>,
  isCreate: boolean,
): void {
  const stage = OPPORTUNITY_STAGES.find((s) => s.value === record.StageName);
  if (stage && (isCreate || written.has('StageName'))) {
    if (!written.has('Probability')) record.Probability = stage.probability;
    if (!written.has('ForecastCategoryName'))
      record.ForecastCategoryName = stage.forecastCategoryName;
    record.IsClosed = stage.isClosed;
    record.IsWon = stage.isWon;
    record.ForecastCategory = stage.forecastCategory;
  }
  const categoryName = text(record.ForecastCategoryName);
  if (written.has('ForecastCategoryName') && categoryName !== null) {
    record.ForecastCategory = FORECAST_CATEGORY_OF_NAME[categoryName] ?? categoryName;
  }
  const amount = num(record.Amount);
  const probability = num(record.Probability);
  record.ExpectedRevenue =
    amount === null || probability === null ? null : Math.round(amount * probability) / 100;
}
