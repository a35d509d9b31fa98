/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** A new Account: `name` is required, every other field optional. */
export type AccountCreateInput = {
  /** Custom field Billing Email (email). Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Billing_Email__c?: string | null | undefined;
  /** Custom field Credit Limit (currency). In the org's currency (a Salesforce currency field, major units: 1234.5 is 1,234.50); in a multi-currency org, the record's own currency. Never converted. Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Credit_Limit__c?: number | null | undefined;
  /** Custom field Health Score (int). Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Health_Score__c?: number | null | undefined;
  /** Custom field Is Strategic (boolean). Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Is_Strategic__c?: boolean | null | undefined;
  /** Custom field Portal URL (url). Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Portal_Url__c?: string | null | undefined;
  /** Custom field Primary Contact (reference). The Contact's Id (Primary_Contact__c). Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Primary_Contact__c?: string | number | null | undefined;
  /** Custom field Quick Books Customer ID (string). Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  QuickBooks_Customer_Id__c?: string | null | undefined;
  /** Custom field Region (picklist). Picklist: allowed values and labels from `picklists(object: ACCOUNT, fields: ["Region__c"])`. Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Region__c?: string | null | undefined;
  /** Custom field Renewal Date (date). Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Renewal_Date__c?: string | null | undefined;
  /** Custom field Segments (multipicklist). A list of the selected values (Salesforce stores them `;`-separated). Picklist: allowed values and labels from `picklists(object: ACCOUNT, fields: ["Segments__c"])`. Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Segments__c?: Array<string> | null | undefined;
  /** Custom field Stripe Customer ID (string). Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Stripe_Customer_Id__c?: string | null | undefined;
  /** Custom field Summary (textarea). Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Summary__c?: string | null | undefined;
  /** Custom field Support Phone (phone). Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Support_Phone__c?: string | null | undefined;
  /** Custom field Zendesk Organization ID (string). Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  Zendesk_Organization_Id__c?: string | null | undefined;
  /** Annual revenue. In the org's currency (a Salesforce currency field, major units: 1234.5 is 1,234.50); in a multi-currency org, the record's own currency. Never converted. Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  annualRevenue?: number | null | undefined;
  /** Billing address, part by part (see AddressInput). Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  billingAddress?: AddressInput | null | undefined;
  /** Industry. Picklist: allowed values and labels from `picklists(object: ACCOUNT, fields: ["industry"])`. Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  industry?: string | null | undefined;
  /** Account name; required, not blank. */
  name: string;
  /** Number of employees. Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  numberOfEmployees?: number | null | undefined;
  /** The owning User’s Id (005…), e.g. from `users(where: { isActive: { eq: true } })`. Absent on create: the running user owns it; null is refused by Salesforce (BAD_USER_INPUT). */
  ownerId?: string | number | null | undefined;
  /** The parent Account’s Id; an Id that is not a visible Account is BAD_USER_INPUT. Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  parentId?: string | number | null | undefined;
  /** Main phone. Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  phone?: string | null | undefined;
  /** Account type. Picklist: allowed values and labels from `picklists(object: ACCOUNT, fields: ["type"])`. Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  type?: string | null | undefined;
  /** Website URL. Absent: left as it is (on create: empty, or the field's default value); null: cleared. */
  website?: string | null | undefined;
};

/** Conditions on Accounts, ANDed together (every field given must match), compiled to one SOQL WHERE. A null or absent field does not constrain; combine with `and`, `or`, `not`. */
export type AccountFilter = {
  /** Custom field Billing Email (email). `like` is case-insensitive. */
  Billing_Email__c?: StringFilter | null | undefined;
  /** Custom field Credit Limit (currency). In the org's currency (a Salesforce currency field, major units: 1234.5 is 1,234.50); in a multi-currency org, the record's own currency. Never converted. */
  Credit_Limit__c?: FloatFilter | null | undefined;
  /** Custom field Health Score (int). */
  Health_Score__c?: IntFilter | null | undefined;
  /** Custom field Is Strategic (boolean). */
  Is_Strategic__c?: BooleanFilter | null | undefined;
  /** Custom field Portal URL (url). `like` is case-insensitive. */
  Portal_Url__c?: StringFilter | null | undefined;
  /** Custom field Primary Contact (reference). The Contact's Id (Primary_Contact__c). */
  Primary_Contact__c?: IdFilter | null | undefined;
  /** Custom field Quick Books Customer ID (string). `like` is case-insensitive. */
  QuickBooks_Customer_Id__c?: StringFilter | null | undefined;
  /** Custom field Region (picklist). Picklist: allowed values and labels from `picklists(object: ACCOUNT, fields: ["Region__c"])`. `like` is case-insensitive. */
  Region__c?: StringFilter | null | undefined;
  /** Custom field Renewal Date (date). */
  Renewal_Date__c?: DateFilter | null | undefined;
  /** Custom field Segments (multipicklist). A list of the selected values (Salesforce stores them `;`-separated). Picklist: allowed values and labels from `picklists(object: ACCOUNT, fields: ["Segments__c"])`. */
  Segments__c?: MultiPicklistFilter | null | undefined;
  /** Custom field Stripe Customer ID (string). `like` is case-insensitive. */
  Stripe_Customer_Id__c?: StringFilter | null | undefined;
  /** Custom field Support Phone (phone). `like` is case-insensitive. */
  Support_Phone__c?: StringFilter | null | undefined;
  /** Custom field Zendesk Organization ID (string). `like` is case-insensitive. */
  Zendesk_Organization_Id__c?: StringFilter | null | undefined;
  /** All of these filters; `and: []` constrains nothing, `and: null` is BAD_USER_INPUT. */
  and?: Array<AccountFilter> | null | undefined;
  /** Annual revenue. In the org's currency (a Salesforce currency field, major units: 1234.5 is 1,234.50); in a multi-currency org, the record's own currency. Never converted. */
  annualRevenue?: FloatFilter | null | undefined;
  /** When the record was created (Salesforce `CreatedDate`, UTC). */
  createdDate?: DateTimeFilter | null | undefined;
  /** The Account Id. */
  id?: IdFilter | null | undefined;
  /** Industry. Picklist: allowed values and labels from `picklists(object: ACCOUNT, fields: ["industry"])`. */
  industry?: StringFilter | null | undefined;
  /** When the record was last changed (Salesforce `LastModifiedDate`, UTC). */
  lastModifiedDate?: DateTimeFilter | null | undefined;
  /** Account name; `like` is case-insensitive. */
  name?: StringFilter | null | undefined;
  /** Not this filter (it must constrain something); null is BAD_USER_INPUT. */
  not?: AccountFilter | null | undefined;
  /** Number of employees. */
  numberOfEmployees?: IntFilter | null | undefined;
  /** At least one of these filters (at least one given); null is BAD_USER_INPUT. */
  or?: Array<AccountFilter> | null | undefined;
  /** The owning User’s Id (see `users`). */
  ownerId?: IdFilter | null | undefined;
  /** The parent Account’s Id; `isNull: true` for top-level accounts. */
  parentId?: IdFilter | null | undefined;
  /** Account type. Picklist: allowed values and labels from `picklists(object: ACCOUNT, fields: ["type"])`. */
  type?: StringFilter | null | undefined;
};

/** One sort key of an Account list; later keys break ties of earlier ones. */
export type AccountOrderBy = {
  /** ASC (default) or DESC; null means ASC. */
  direction?: SortDirection | null | undefined;
  /** The field to sort by. */
  field: AccountSortField;
  /** Where empty values go; null or absent: first when ascending, last when descending (as SOQL). */
  nulls?: NullsOrder | null | undefined;
};

/** An Account field to sort by; the Id breaks ties, so paging is stable. Custom fields of the org sort by their API name. */
export type AccountSortField =
  /** Annual revenue. */
  | 'ANNUAL_REVENUE'
  /** Custom field Billing Email (email). */
  | 'Billing_Email__c'
  /** When the record was created. */
  | 'CREATED_DATE'
  /** Custom field Credit Limit (currency). */
  | 'Credit_Limit__c'
  /** Custom field Health Score (int). */
  | 'Health_Score__c'
  /** Industry. */
  | 'INDUSTRY'
  /** Custom field Is Strategic (boolean). */
  | 'Is_Strategic__c'
  /** When the record was last changed. */
  | 'LAST_MODIFIED_DATE'
  /** Account name. */
  | 'NAME'
  /** Number of employees. */
  | 'NUMBER_OF_EMPLOYEES'
  /** Custom field Portal URL (url). */
  | 'Portal_Url__c'
  /** Custom field Primary Contact (reference). */
  | 'Primary_Contact__c'
  /** Custom field Quick Books Customer ID (string). */
  | 'QuickBooks_Customer_Id__c'
  /** Custom field Region (picklist). */
  | 'Region__c'
  /** Custom field Renewal Date (date). */
  | 'Renewal_Date__c'
  /** Custom field Stripe Customer ID (string). */
  | 'Stripe_Customer_Id__c'
  /** Custom field Support Phone (phone). */
  | 'Support_Phone__c'
  /** Custom field Zendesk Organization ID (string). */
  | 'Zendesk_Organization_Id__c';

/** An address to write, part by part: an absent part is left as it is, a null part is cleared; the whole address given as null clears every part. */
export type AddressInput = {
  /** City; null clears it. */
  city?: string | null | undefined;
  /** Country; null clears it. */
  country?: string | null | undefined;
  /** Postal or ZIP code; null clears it. */
  postalCode?: string | null | undefined;
  /** State or province; null clears it. */
  state?: string | null | undefined;
  /** Street; null clears it. */
  street?: string | null | undefined;
};

/** Operators on one field, ANDed together. Only `eq` and `ne` accept null (empty field / set field); any other operator given null, or a null list, is BAD_USER_INPUT. Salesforce checkboxes are never empty, so `eq: null` and `isNull: true` match no record. */
export type BooleanFilter = {
  /** Equal to the value. `eq: null` matches records whose field is empty (SOQL `= null`). */
  eq?: boolean | null | undefined;
  /** `true`: the field is empty; `false`: it is set. Null is refused with BAD_USER_INPUT. */
  isNull?: boolean | null | undefined;
  /** Not equal to the value; records whose field is empty match too, as in SOQL. `ne: null` matches records whose field is set (SOQL `!= null`). */
  ne?: boolean | null | undefined;
};

/** What happened to the records of a `RecordChange`. */
export type ChangeType =
  /** Records were created (or appeared through a conversion). */
  | 'CREATE'
  /** Records were deleted (moved to the recycle bin); `record` is null. */
  | 'DELETE'
  /** Changes happened that the gateway cannot describe: Salesforce could not say exactly what changed (a GAP_* or GAP_OVERFLOW event) and the records could not be re-read, your access to a change could not be checked, or the gateway's change fan-out was interrupted (its Redis restarted) and changes may have been missed. `recordIds` is empty unless it names the records concerned: refetch what you show. */
  | 'GAP'
  /** Records were restored from the recycle bin. */
  | 'UNDELETE'
  /** Fields of records changed; `changedFields` names them. */
  | 'UPDATE';

/** Conditions on Contacts, ANDed together (every field given must match), compiled to one SOQL WHERE. A null or absent field does not constrain; combine with `and`, `or`, `not`. */
export type ContactFilter = {
  /** Custom field Birthday (date). */
  Birthday__c?: DateFilter | null | undefined;
  /** Custom field Is Champion (boolean). */
  Is_Champion__c?: BooleanFilter | null | undefined;
  /** Custom field Languages (multipicklist). A list of the selected values (Salesforce stores them `;`-separated). Picklist: allowed values and labels from `picklists(object: CONTACT, fields: ["Languages__c"])`. */
  Languages__c?: MultiPicklistFilter | null | undefined;
  /** Custom field Last Survey At (datetime). */
  Last_Survey_At__c?: DateTimeFilter | null | undefined;
  /** Custom field Loyalty Score (double). */
  Loyalty_Score__c?: FloatFilter | null | undefined;
  /** Custom field Nickname (string). `like` is case-insensitive. */
  Nickname__c?: StringFilter | null | undefined;
  /** The Account’s Id; `isNull: true` for contacts without an account. */
  accountId?: IdFilter | null | undefined;
  /** All of these filters; `and: []` constrains nothing, `and: null` is BAD_USER_INPUT. */
  and?: Array<ContactFilter> | null | undefined;
  /** When the record was created (Salesforce `CreatedDate`, UTC). */
  createdDate?: DateTimeFilter | null | undefined;
  /** Email address; `like` is case-insensitive. */
  email?: StringFilter | null | undefined;
  /** First name; `like` is case-insensitive. */
  firstName?: StringFilter | null | undefined;
  /** The Contact Id. */
  id?: IdFilter | null | undefined;
  /** When the record was last changed (Salesforce `LastModifiedDate`, UTC). */
  lastModifiedDate?: DateTimeFilter | null | undefined;
  /** Last name; `like` is case-insensitive. */
  lastName?: StringFilter | null | undefined;
  /** Lead source. Picklist: allowed values and labels from `picklists(object: CONTACT, fields: ["leadSource"])`. */
  leadSource?: StringFilter | null | undefined;
  /** Not this filter (it must constrain something); null is BAD_USER_INPUT. */
  not?: ContactFilter | null | undefined;
  /** At least one of these filters (at least one given); null is BAD_USER_INPUT. */
  or?: Array<ContactFilter> | null | undefined;
  /** The owning User’s Id (see `users`). */
  ownerId?: IdFilter | null | undefined;
  /** Job title. */
  title?: StringFilter | null | undefined;
};

/** One sort key of a Contact list; later keys break ties of earlier ones. */
export type ContactOrderBy = {
  /** ASC (default) or DESC; null means ASC. */
  direction?: SortDirection | null | undefined;
  /** The field to sort by. */
  field: ContactSortField;
  /** Where empty values go; null or absent: first when ascending, last when descending (as SOQL). */
  nulls?: NullsOrder | null | undefined;
};

/** A Contact field to sort by; the Id breaks ties, so paging is stable. Custom fields of the org sort by their API name. */
export type ContactSortField =
  /** Custom field Birthday (date). */
  | 'Birthday__c'
  /** When the record was created. */
  | 'CREATED_DATE'
  /** Email address. */
  | 'EMAIL'
  /** First name. */
  | 'FIRST_NAME'
  /** Custom field Is Champion (boolean). */
  | 'Is_Champion__c'
  /** When the record was last changed. */
  | 'LAST_MODIFIED_DATE'
  /** Last name. */
  | 'LAST_NAME'
  /** Custom field Last Survey At (datetime). */
  | 'Last_Survey_At__c'
  /** Custom field Loyalty Score (double). */
  | 'Loyalty_Score__c'
  /** Custom field Nickname (string). */
  | 'Nickname__c';

/** Operators on one field, ANDed together. Only `eq` and `ne` accept null (empty field / set field); any other operator given null, or a null list, is BAD_USER_INPUT. */
export type DateFilter = {
  /** Equal to the value. `eq: null` matches records whose field is empty (SOQL `= null`). */
  eq?: string | null | undefined;
  /** Greater than the value. Null is refused with BAD_USER_INPUT. */
  gt?: string | null | undefined;
  /** Greater than or equal to the value. Null is refused with BAD_USER_INPUT. */
  gte?: string | null | undefined;
  /** `true`: the field is empty; `false`: it is set. Null is refused with BAD_USER_INPUT. */
  isNull?: boolean | null | undefined;
  /** Less than the value. Null is refused with BAD_USER_INPUT; leave the operator out instead. */
  lt?: string | null | undefined;
  /** Less than or equal to the value. Null is refused with BAD_USER_INPUT. */
  lte?: string | null | undefined;
  /** Not equal to the value; records whose field is empty match too, as in SOQL. `ne: null` matches records whose field is set (SOQL `!= null`). */
  ne?: string | null | undefined;
  /** A SOQL date literal (e.g. LAST_N_DAYS with n: 30), resolved by Salesforce in the user's time zone. Null is refused with BAD_USER_INPUT. */
  relative?: RelativeDate | null | undefined;
};

/** A SOQL date literal, resolved by Salesforce in the running user’s time zone (weeks start on the day their locale starts them; quarters and years are calendar ones). */
export type DateLiteral =
  /** The month before the current one. */
  | 'LAST_MONTH'
  /** The last `n` days up to today (needs `n`). */
  | 'LAST_N_DAYS'
  /** The quarter before the current one. */
  | 'LAST_QUARTER'
  /** The week before the current one. */
  | 'LAST_WEEK'
  /** The year before the current one. */
  | 'LAST_YEAR'
  /** The month after the current one. */
  | 'NEXT_MONTH'
  /** The next `n` days from today (needs `n`). */
  | 'NEXT_N_DAYS'
  /** The quarter after the current one. */
  | 'NEXT_QUARTER'
  /** The current calendar month. */
  | 'THIS_MONTH'
  /** The current quarter. */
  | 'THIS_QUARTER'
  /** The current week. */
  | 'THIS_WEEK'
  /** The current calendar year. */
  | 'THIS_YEAR'
  /** Today. */
  | 'TODAY'
  /** Yesterday. */
  | 'YESTERDAY';

/** Operators on one field, ANDed together. Only `eq` and `ne` accept null (empty field / set field); any other operator given null, or a null list, is BAD_USER_INPUT. */
export type DateTimeFilter = {
  /** Equal to the value. `eq: null` matches records whose field is empty (SOQL `= null`). */
  eq?: string | null | undefined;
  /** Greater than the value. Null is refused with BAD_USER_INPUT. */
  gt?: string | null | undefined;
  /** Greater than or equal to the value. Null is refused with BAD_USER_INPUT. */
  gte?: string | null | undefined;
  /** `true`: the field is empty; `false`: it is set. Null is refused with BAD_USER_INPUT. */
  isNull?: boolean | null | undefined;
  /** Less than the value. Null is refused with BAD_USER_INPUT; leave the operator out instead. */
  lt?: string | null | undefined;
  /** Less than or equal to the value. Null is refused with BAD_USER_INPUT. */
  lte?: string | null | undefined;
  /** Not equal to the value; records whose field is empty match too, as in SOQL. `ne: null` matches records whose field is set (SOQL `!= null`). */
  ne?: string | null | undefined;
  /** A SOQL date literal (e.g. LAST_N_DAYS with n: 30), resolved by Salesforce in the user's time zone. Null is refused with BAD_USER_INPUT. */
  relative?: RelativeDate | null | undefined;
};

/** Operators on one field, ANDed together. Only `eq` and `ne` accept null (empty field / set field); any other operator given null, or a null list, is BAD_USER_INPUT. */
export type FloatFilter = {
  /** Equal to the value. `eq: null` matches records whose field is empty (SOQL `= null`). */
  eq?: number | null | undefined;
  /** Greater than the value. Null is refused with BAD_USER_INPUT. */
  gt?: number | null | undefined;
  /** Greater than or equal to the value. Null is refused with BAD_USER_INPUT. */
  gte?: number | null | undefined;
  /** One of the values (at least one). A null list is refused with BAD_USER_INPUT; match empty fields with `eq: null` or `isNull: true`. The whole query must fit the Salesforce request-URL limit (16,384 bytes), so very long lists are refused with BAD_USER_INPUT. */
  in?: Array<number> | null | undefined;
  /** `true`: the field is empty; `false`: it is set. Null is refused with BAD_USER_INPUT. */
  isNull?: boolean | null | undefined;
  /** Less than the value. Null is refused with BAD_USER_INPUT; leave the operator out instead. */
  lt?: number | null | undefined;
  /** Less than or equal to the value. Null is refused with BAD_USER_INPUT. */
  lte?: number | null | undefined;
  /** Not equal to the value; records whose field is empty match too, as in SOQL. `ne: null` matches records whose field is set (SOQL `!= null`). */
  ne?: number | null | undefined;
  /** None of the values; records whose field is empty match too, as in SOQL. `nin: []` constrains nothing; a null list is refused with BAD_USER_INPUT. */
  nin?: Array<number> | null | undefined;
};

/** Operators on one field, ANDed together. Only `eq` and `ne` accept null (empty field / set field); any other operator given null, or a null list, is BAD_USER_INPUT. */
export type IdFilter = {
  /** Equal to the value. `eq: null` matches records whose field is empty (SOQL `= null`). */
  eq?: string | number | null | undefined;
  /** One of the values (at least one). A null list is refused with BAD_USER_INPUT; match empty fields with `eq: null` or `isNull: true`. The whole query must fit the Salesforce request-URL limit (16,384 bytes), so very long lists are refused with BAD_USER_INPUT. */
  in?: Array<string | number> | null | undefined;
  /** `true`: the field is empty; `false`: it is set. Null is refused with BAD_USER_INPUT. */
  isNull?: boolean | null | undefined;
  /** Not equal to the value; records whose field is empty match too, as in SOQL. `ne: null` matches records whose field is set (SOQL `!= null`). */
  ne?: string | number | null | undefined;
  /** None of the values; records whose field is empty match too, as in SOQL. `nin: []` constrains nothing; a null list is refused with BAD_USER_INPUT. */
  nin?: Array<string | number> | null | undefined;
};

/** Operators on one field, ANDed together. Only `eq` and `ne` accept null (empty field / set field); any other operator given null, or a null list, is BAD_USER_INPUT. */
export type IntFilter = {
  /** Equal to the value. `eq: null` matches records whose field is empty (SOQL `= null`). */
  eq?: number | null | undefined;
  /** Greater than the value. Null is refused with BAD_USER_INPUT. */
  gt?: number | null | undefined;
  /** Greater than or equal to the value. Null is refused with BAD_USER_INPUT. */
  gte?: number | null | undefined;
  /** One of the values (at least one). A null list is refused with BAD_USER_INPUT; match empty fields with `eq: null` or `isNull: true`. The whole query must fit the Salesforce request-URL limit (16,384 bytes), so very long lists are refused with BAD_USER_INPUT. */
  in?: Array<number> | null | undefined;
  /** `true`: the field is empty; `false`: it is set. Null is refused with BAD_USER_INPUT. */
  isNull?: boolean | null | undefined;
  /** Less than the value. Null is refused with BAD_USER_INPUT; leave the operator out instead. */
  lt?: number | null | undefined;
  /** Less than or equal to the value. Null is refused with BAD_USER_INPUT. */
  lte?: number | null | undefined;
  /** Not equal to the value; records whose field is empty match too, as in SOQL. `ne: null` matches records whose field is set (SOQL `!= null`). */
  ne?: number | null | undefined;
  /** None of the values; records whose field is empty match too, as in SOQL. `nin: []` constrains nothing; a null list is refused with BAD_USER_INPUT. */
  nin?: Array<number> | null | undefined;
};

/** Conditions on Leads, ANDed together (every field given must match), compiled to one SOQL WHERE. A null or absent field does not constrain; combine with `and`, `or`, `not`. */
export type LeadFilter = {
  /** Custom field Budget (currency). In the org's currency (a Salesforce currency field, major units: 1234.5 is 1,234.50); in a multi-currency org, the record's own currency. Never converted. */
  Budget__c?: FloatFilter | null | undefined;
  /** Custom field Follow Up At (datetime). */
  Follow_Up_At__c?: DateTimeFilter | null | undefined;
  /** Custom field Interests (multipicklist). A list of the selected values (Salesforce stores them `;`-separated). Picklist: allowed values and labels from `picklists(object: LEAD, fields: ["Interests__c"])`. */
  Interests__c?: MultiPicklistFilter | null | undefined;
  /** Custom field Is Qualified (boolean). */
  Is_Qualified__c?: BooleanFilter | null | undefined;
  /** Custom field Referral URL (url). `like` is case-insensitive. */
  Referral_Url__c?: StringFilter | null | undefined;
  /** Custom field Score (int). */
  Score__c?: IntFilter | null | undefined;
  /** All of these filters; `and: []` constrains nothing, `and: null` is BAD_USER_INPUT. */
  and?: Array<LeadFilter> | null | undefined;
  /** Company; `like` is case-insensitive. */
  company?: StringFilter | null | undefined;
  /** When the record was created (Salesforce `CreatedDate`, UTC). */
  createdDate?: DateTimeFilter | null | undefined;
  /** Email address; `like` is case-insensitive. */
  email?: StringFilter | null | undefined;
  /** The Lead Id. */
  id?: IdFilter | null | undefined;
  /** Industry. Picklist: allowed values and labels from `picklists(object: LEAD, fields: ["industry"])`. */
  industry?: StringFilter | null | undefined;
  /** Converted or not. */
  isConverted?: BooleanFilter | null | undefined;
  /** When the record was last changed (Salesforce `LastModifiedDate`, UTC). */
  lastModifiedDate?: DateTimeFilter | null | undefined;
  /** Lead source. Picklist: allowed values and labels from `picklists(object: LEAD, fields: ["leadSource"])`. */
  leadSource?: StringFilter | null | undefined;
  /** Not this filter (it must constrain something); null is BAD_USER_INPUT. */
  not?: LeadFilter | null | undefined;
  /** At least one of these filters (at least one given); null is BAD_USER_INPUT. */
  or?: Array<LeadFilter> | null | undefined;
  /** The owning User’s Id (see `users`). */
  ownerId?: IdFilter | null | undefined;
  /** Rating. Picklist: allowed values and labels from `picklists(object: LEAD, fields: ["rating"])`. */
  rating?: StringFilter | null | undefined;
  /** Lead status. Picklist: allowed values and labels from `picklists(object: LEAD, fields: ["status"])`. */
  status?: StringFilter | null | undefined;
};

/** One sort key of a Lead list; later keys break ties of earlier ones. */
export type LeadOrderBy = {
  /** ASC (default) or DESC; null means ASC. */
  direction?: SortDirection | null | undefined;
  /** The field to sort by. */
  field: LeadSortField;
  /** Where empty values go; null or absent: first when ascending, last when descending (as SOQL). */
  nulls?: NullsOrder | null | undefined;
};

/** A Lead field to sort by; the Id breaks ties, so paging is stable. Custom fields of the org sort by their API name. */
export type LeadSortField =
  /** Custom field Budget (currency). */
  | 'Budget__c'
  /** Company. */
  | 'COMPANY'
  /** When the record was created. */
  | 'CREATED_DATE'
  /** Custom field Follow Up At (datetime). */
  | 'Follow_Up_At__c'
  /** Custom field Is Qualified (boolean). */
  | 'Is_Qualified__c'
  /** When the record was last changed. */
  | 'LAST_MODIFIED_DATE'
  /** Last name. */
  | 'LAST_NAME'
  /** Custom field Referral URL (url). */
  | 'Referral_Url__c'
  /** Lead status (alphabetically). */
  | 'STATUS'
  /** Custom field Score (int). */
  | 'Score__c';

/** Operators on a multi-select picklist custom field, ANDed together. Values match exactly (case-insensitive, as in SOQL). */
export type MultiPicklistFilter = {
  /** Rows holding none of the values (SOQL EXCLUDES); empty fields match. */
  excludes?: Array<string> | null | undefined;
  /** Rows holding at least one of the values (SOQL INCLUDES). */
  includes?: Array<string> | null | undefined;
  /** true: the field is empty; false: it holds a value. */
  isNull?: boolean | null | undefined;
};

/** Where records with an empty sort field go (SOQL NULLS FIRST/LAST). Absent: Salesforce’s default, first for ASC and last for DESC. */
export type NullsOrder =
  /** Empty values before the others. */
  | 'FIRST'
  /** Empty values after the others. */
  | 'LAST';

/** Conditions on Opportunitys, ANDed together (every field given must match), compiled to one SOQL WHERE. A null or absent field does not constrain; combine with `and`, `or`, `not`. */
export type OpportunityFilter = {
  /** Custom field Campaign (reference). */
  Campaign__c?: IdFilter | null | undefined;
  /** Custom field Competitor (picklist). Picklist: allowed values and labels from `picklists(object: OPPORTUNITY, fields: ["Competitor__c"])`. `like` is case-insensitive. */
  Competitor__c?: StringFilter | null | undefined;
  /** Custom field Discount (percent). Percent as Salesforce stores it: 12.5 means 12.5 %. */
  Discount__c?: FloatFilter | null | undefined;
  /** Custom field Margin (currency). In the org's currency (a Salesforce currency field, major units: 1234.5 is 1,234.50); in a multi-currency org, the record's own currency. Never converted. */
  Margin__c?: FloatFilter | null | undefined;
  /** Custom field Next Step Date (date). */
  Next_Step_Date__c?: DateFilter | null | undefined;
  /** Custom field Partner Account (reference). The Account's Id (Partner_Account__c). */
  Partner_Account__c?: IdFilter | null | undefined;
  /** Custom field Product Interest (multipicklist). A list of the selected values (Salesforce stores them `;`-separated). Picklist: allowed values and labels from `picklists(object: OPPORTUNITY, fields: ["Product_Interest__c"])`. */
  Product_Interest__c?: MultiPicklistFilter | null | undefined;
  /** The Account’s Id. */
  accountId?: IdFilter | null | undefined;
  /** Deal amount. In the org's currency (a Salesforce currency field, major units: 1234.5 is 1,234.50); in a multi-currency org, the record's own currency. Never converted. */
  amount?: FloatFilter | null | undefined;
  /** All of these filters; `and: []` constrains nothing, `and: null` is BAD_USER_INPUT. */
  and?: Array<OpportunityFilter> | null | undefined;
  /** Close date; `relative` takes SOQL date literals such as THIS_QUARTER. */
  closeDate?: DateFilter | null | undefined;
  /** When the record was created (Salesforce `CreatedDate`, UTC). */
  createdDate?: DateTimeFilter | null | undefined;
  /** The Opportunity Id. */
  id?: IdFilter | null | undefined;
  /** Closed (won or lost) or open. */
  isClosed?: BooleanFilter | null | undefined;
  /** Won or not. */
  isWon?: BooleanFilter | null | undefined;
  /** When the record was last changed (Salesforce `LastModifiedDate`, UTC). */
  lastModifiedDate?: DateTimeFilter | null | undefined;
  /** Lead source. Picklist: allowed values and labels from `picklists(object: OPPORTUNITY, fields: ["leadSource"])`. */
  leadSource?: StringFilter | null | undefined;
  /** Opportunity name; `like` is case-insensitive. */
  name?: StringFilter | null | undefined;
  /** Not this filter (it must constrain something); null is BAD_USER_INPUT. */
  not?: OpportunityFilter | null | undefined;
  /** At least one of these filters (at least one given); null is BAD_USER_INPUT. */
  or?: Array<OpportunityFilter> | null | undefined;
  /** The owning User’s Id (see `users`). */
  ownerId?: IdFilter | null | undefined;
  /** Probability in percent, 0 to 100. */
  probability?: FloatFilter | null | undefined;
  /** Stage. Picklist: allowed values and labels from `picklists(object: OPPORTUNITY, fields: ["stageName"])`. */
  stageName?: StringFilter | null | undefined;
  /** Opportunity type. Picklist: allowed values and labels from `picklists(object: OPPORTUNITY, fields: ["type"])`. */
  type?: StringFilter | null | undefined;
};

/** One sort key of an Opportunity list; later keys break ties of earlier ones. */
export type OpportunityOrderBy = {
  /** ASC (default) or DESC; null means ASC. */
  direction?: SortDirection | null | undefined;
  /** The field to sort by. */
  field: OpportunitySortField;
  /** Where empty values go; null or absent: first when ascending, last when descending (as SOQL). */
  nulls?: NullsOrder | null | undefined;
};

/** A Opportunity field to sort by; the Id breaks ties, so paging is stable. Custom fields of the org sort by their API name. */
export type OpportunitySortField =
  /** Deal amount (empty amounts first when ascending). */
  | 'AMOUNT'
  /** Close date. */
  | 'CLOSE_DATE'
  /** When the record was created. */
  | 'CREATED_DATE'
  /** Custom field Campaign (reference). */
  | 'Campaign__c'
  /** Custom field Competitor (picklist). */
  | 'Competitor__c'
  /** Custom field Discount (percent). */
  | 'Discount__c'
  /** When the record was last changed. */
  | 'LAST_MODIFIED_DATE'
  /** Custom field Margin (currency). */
  | 'Margin__c'
  /** Opportunity name. */
  | 'NAME'
  /** Custom field Next Step Date (date). */
  | 'Next_Step_Date__c'
  /** Probability. */
  | 'PROBABILITY'
  /** Custom field Partner Account (reference). */
  | 'Partner_Account__c'
  /** Stage name (alphabetically, not in sales-process order). */
  | 'STAGE_NAME';

/** A date range relative to today, as a SOQL date literal: `{ literal: LAST_N_DAYS, n: 30 }` is `LAST_N_DAYS:30`. Compared with `eq` semantics: the field falls in the range. */
export type RelativeDate = {
  /** Which range. */
  literal: DateLiteral;
  /** Days for LAST_N_DAYS and NEXT_N_DAYS, 0 or more (required there); with any other literal it is BAD_USER_INPUT. */
  n?: number | null | undefined;
};

/** A CRM object type of the graph. */
export type SObjectType =
  /** Salesforce Account. */
  | 'ACCOUNT'
  /** Salesforce Contact. */
  | 'CONTACT'
  /** Salesforce Lead. */
  | 'LEAD'
  /** Salesforce Opportunity. */
  | 'OPPORTUNITY';

/** Sort direction of one sort key (SOQL ASC/DESC). */
export type SortDirection =
  /** Smallest first (A to Z, oldest first). */
  | 'ASC'
  /** Largest first (Z to A, newest first). */
  | 'DESC';

/** Operators on one field, ANDed together. Only `eq` and `ne` accept null (empty field / set field); any other operator given null, or a null list, is BAD_USER_INPUT. */
export type StringFilter = {
  /** Equal to the value. `eq: null` matches records whose field is empty (SOQL `= null`). */
  eq?: string | null | undefined;
  /** One of the values (at least one). A null list is refused with BAD_USER_INPUT; match empty fields with `eq: null` or `isNull: true`. The whole query must fit the Salesforce request-URL limit (16,384 bytes), so very long lists are refused with BAD_USER_INPUT. */
  in?: Array<string> | null | undefined;
  /** `true`: the field is empty; `false`: it is set. Null is refused with BAD_USER_INPUT. */
  isNull?: boolean | null | undefined;
  /** SOQL LIKE pattern, case-insensitive: `%` any characters, `_` one character; `\%`, `\_` and `\\` match them literally. Null is refused with BAD_USER_INPUT. */
  like?: string | null | undefined;
  /** Not equal to the value; records whose field is empty match too, as in SOQL. `ne: null` matches records whose field is set (SOQL `!= null`). */
  ne?: string | null | undefined;
  /** None of the values; records whose field is empty match too, as in SOQL. `nin: []` constrains nothing; a null list is refused with BAD_USER_INPUT. */
  nin?: Array<string> | null | undefined;
};

/** Conditions on Users, ANDed together (every field given must match). A null or absent field does not constrain. */
export type UserFilter = {
  /** All of these filters; `and: []` constrains nothing, `and: null` is BAD_USER_INPUT. */
  and?: Array<UserFilter> | null | undefined;
  /** When the record was created (Salesforce `CreatedDate`, UTC). */
  createdDate?: DateTimeFilter | null | undefined;
  /** Email address; `like` is case-insensitive, e.g. `{ like: "%@example.com" }`. */
  email?: StringFilter | null | undefined;
  /** The User Id (005…). */
  id?: IdFilter | null | undefined;
  /** `eq: true`: users who can sign in and own records; deactivated users keep the records they own. */
  isActive?: BooleanFilter | null | undefined;
  /** When the record was last changed (Salesforce `LastModifiedDate`, UTC). */
  lastModifiedDate?: DateTimeFilter | null | undefined;
  /** Full name (Salesforce `Name`, first and last name); `like` is case-insensitive, e.g. `{ like: "%patel%" }`. */
  name?: StringFilter | null | undefined;
  /** Not this filter (it must constrain something); null is BAD_USER_INPUT. */
  not?: UserFilter | null | undefined;
  /** At least one of these filters (at least one given); null is BAD_USER_INPUT. */
  or?: Array<UserFilter> | null | undefined;
};

/** One sort key of `users`; later keys break ties of earlier ones. */
export type UserOrderBy = {
  /** ASC (default) or DESC; null means ASC. */
  direction?: SortDirection | null | undefined;
  /** The field to sort by. */
  field: UserSortField;
  /** Where empty values go; null or absent: first when ascending, last when descending (as SOQL). */
  nulls?: NullsOrder | null | undefined;
};

/** A User field to sort by; the Id breaks ties, so paging is stable. */
export type UserSortField =
  /** When the user was created. */
  | 'CREATED_DATE'
  /** Email address. */
  | 'EMAIL'
  /** When the user was last changed. */
  | 'LAST_MODIFIED_DATE'
  /** Full name (Salesforce `Name`). */
  | 'NAME';

export type ApiUsageQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiUsageQuery = { apiUsage: { used: number, max: number, remaining: number, asOf: string } };

export type ApiUsageUsedQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiUsageUsedQuery = { apiUsage: { used: number } };

export type ApiUsageMaxQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiUsageMaxQuery = { apiUsage: { max: number } };

export type ApiUsageMaxUsedQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiUsageMaxUsedQuery = { apiUsage: { max: number, used: number } };

export type ApiUsageAndAccountCountQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiUsageAndAccountCountQuery = { apiUsage: { used: number }, accounts: { totalCount: number } };

export type VisibleAccountOwnersQueryVariables = Exact<{ [key: string]: never; }>;


export type VisibleAccountOwnersQuery = { accounts: { totalCount: number, nodes: Array<{ owner: { id: string } | null }> } };

export type ViewerIdentityQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerIdentityQuery = { viewer: { id: string, name: string, email: string | null } | null };

export type OpportunitiesByAmountQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type OpportunitiesByAmountQuery = { opportunities: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, amount: number | null }> } };

export type AccountsPlainPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsPlainPageQuery = { accounts: { nodes: Array<{ id: string, name: string }> } };

export type AccountsCountedPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsCountedPageQuery = { accounts: { totalCount: number, nodes: Array<{ id: string }> } };

export type OpportunitiesWithAccountOwnerQueryVariables = Exact<{ [key: string]: never; }>;


export type OpportunitiesWithAccountOwnerQuery = { opportunities: { nodes: Array<{ id: string, account: { name: string, owner: { name: string } | null } | null }> } };

export type OpportunitiesWithAccountContactsQueryVariables = Exact<{ [key: string]: never; }>;


export type OpportunitiesWithAccountContactsQuery = { opportunities: { nodes: Array<{ id: string, account: { contacts: { nodes: Array<{ email: string | null }> } } | null }> } };

export type OpportunitiesNestedQueryVariables = Exact<{ [key: string]: never; }>;


export type OpportunitiesNestedQuery = { opportunities: { nodes: Array<{ id: string, account: { name: string, owner: { name: string } | null, contacts: { nodes: Array<{ email: string | null }> } } | null }> } };

export type ConvertedLeadsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConvertedLeadsQuery = { leads: { nodes: Array<{ convertedAccount: { name: string, contacts: { nodes: Array<{ id: string }> } } | null, convertedOpportunity: { name: string, account: { name: string } | null } | null }> } };

export type AccountsFirstContactsByEmailQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsFirstContactsByEmailQuery = { accounts: { nodes: Array<{ id: string, contacts: { nodes: Array<{ id: string }> } }> } };

export type AccountsWithSiblingConnectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsWithSiblingConnectionsQuery = { accounts: { nodes: Array<{ id: string, contacts: { totalCount: number, nodes: Array<{ id: string }> }, opportunities: { nodes: Array<{ id: string }> } }> } };

export type OpportunitiesNestedCountedQueryVariables = Exact<{ [key: string]: never; }>;


export type OpportunitiesNestedCountedQuery = { opportunities: { totalCount: number, nodes: Array<{ id: string, account: { name: string, owner: { name: string } | null, contacts: { totalCount: number, nodes: Array<{ email: string | null }> } } | null }> } };

export type OpportunitiesNestedShapedQueryVariables = Exact<{
  contactsFirst?: number | null | undefined;
  emailLike?: string | null | undefined;
}>;


export type OpportunitiesNestedShapedQuery = { opportunities: { edges: Array<{ node: { id: string, account: { name: string, people: { totalCount: number, nodes: Array<{ email: string | null, lastName: string }> } } | null } }> } };

export type AccountIdsPageQueryVariables = Exact<{
  where?: AccountFilter | null | undefined;
  orderBy?: Array<AccountOrderBy> | AccountOrderBy | null | undefined;
  after?: string | null | undefined;
}>;


export type AccountIdsPageQuery = { accounts: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string }> } };

export type ContactIdsPageQueryVariables = Exact<{
  where?: ContactFilter | null | undefined;
  orderBy?: Array<ContactOrderBy> | ContactOrderBy | null | undefined;
  after?: string | null | undefined;
}>;


export type ContactIdsPageQuery = { contacts: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string }> } };

export type OpportunityIdsPageQueryVariables = Exact<{
  where?: OpportunityFilter | null | undefined;
  orderBy?: Array<OpportunityOrderBy> | OpportunityOrderBy | null | undefined;
  after?: string | null | undefined;
}>;


export type OpportunityIdsPageQuery = { opportunities: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string }> } };

export type LeadIdsPageQueryVariables = Exact<{
  where?: LeadFilter | null | undefined;
  orderBy?: Array<LeadOrderBy> | LeadOrderBy | null | undefined;
  after?: string | null | undefined;
}>;


export type LeadIdsPageQuery = { leads: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string }> } };

export type CreateAccountMutationVariables = Exact<{
  input: AccountCreateInput;
}>;


export type CreateAccountMutation = { createAccount: { id: string, name: string, industry: string | null, annualRevenue: number | null, numberOfEmployees: number | null, createdDate: string, billingAddress: { city: string | null, country: string | null } | null, parent: { id: string, name: string } | null } };

export type UpdateAccountContactDetailsMutationVariables = Exact<{
  id: string | number;
}>;


export type UpdateAccountContactDetailsMutation = { updateAccount: { id: string, industry: string | null, phone: string | null, billingAddress: { city: string | null, country: string | null } | null } };

export type DeleteAccountMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteAccountMutation = { deleteAccount: string };

export type AccountIdQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountIdQuery = { account: { id: string } | null };

export type CreateContactOpportunityLeadMutationVariables = Exact<{
  acc: string | number;
}>;


export type CreateContactOpportunityLeadMutation = { c: { id: string, name: string, email: string | null, mailingAddress: { city: string | null } | null, account: { id: string } | null }, o: { id: string, name: string, stageName: string, closeDate: string, amount: number | null, isClosed: boolean, account: { id: string } | null }, l: { id: string, name: string, company: string, status: string, isConverted: boolean } };

export type UpdateContactOpportunityLeadMutationVariables = Exact<{
  c: string | number;
  o: string | number;
  l: string | number;
}>;


export type UpdateContactOpportunityLeadMutation = { c: { title: string | null }, o: { stageName: string, closeDate: string, isWon: boolean }, l: { rating: string | null } };

export type DeleteContactOpportunityLeadMutationVariables = Exact<{
  c: string | number;
  o: string | number;
  l: string | number;
}>;


export type DeleteContactOpportunityLeadMutation = { a: string, b: string, c: string };

export type ConvertLeadWithOpportunityMutationVariables = Exact<{
  id: string | number;
}>;


export type ConvertLeadWithOpportunityMutation = { convertLead: { lead: { id: string, isConverted: boolean, status: string, convertedAccount: { id: string } | null }, account: { id: string, name: string }, contact: { id: string, lastName: string }, opportunity: { id: string, name: string } | null } };

export type ConvertLeadWithoutOpportunityMutationVariables = Exact<{
  id: string | number;
}>;


export type ConvertLeadWithoutOpportunityMutation = { convertLead: { opportunity: { id: string } | null } };

export type AccountsPageByNameQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountsPageByNameQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, type: string | null, industry: string | null, website: string | null, phone: string | null, annualRevenue: number | null, numberOfEmployees: number | null, createdDate: string, lastModifiedDate: string, billingAddress: { street: string | null, city: string | null, state: string | null, postalCode: string | null, country: string | null } | null, owner: { id: string, name: string } | null, parent: { id: string, name: string } | null } }> } };

export type RecordsByIdQueryVariables = Exact<{
  o: string | number;
  c: string | number;
  l: string | number;
}>;


export type RecordsByIdQuery = { opportunity: { id: string, name: string, stageName: string, amount: number | null, closeDate: string, isClosed: boolean, isWon: boolean, account: { name: string } | null } | null, contact: { id: string, lastName: string, email: string | null, account: { id: string } | null } | null, lead: { id: string, company: string, status: string, isConverted: boolean, convertedDate: string | null, convertedAccount: { id: string } | null, convertedContact: { id: string } | null, convertedOpportunity: { id: string } | null } | null };

export type MissingRecordsQueryVariables = Exact<{
  c: string | number;
}>;


export type MissingRecordsQuery = { a: { id: string } | null, b: { id: string } | null, n:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, name: string, email: string | null, isActive: boolean } | null };

export type AccountContactsPageQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type AccountContactsPageQuery = { account: { contacts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, lastName: string }> } } | null };

export type PicklistsQueryVariables = Exact<{
  object: SObjectType;
  fields?: Array<string> | string | null | undefined;
}>;


export type PicklistsQuery = { picklists: Array<{ field: string, label: string, multiSelect: boolean, values: Array<{ value: string, label: string, active: boolean, isDefault: boolean }> }> };

export type RefreshCacheForPicklistsMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshCacheForPicklistsMutation = { refreshCache: boolean };

export type AccountChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AccountChangesSubscription = { accountChanged: { type: SObjectType, changeType: ChangeType, recordIds: Array<string>, changedFields: Array<string>, commitTimestamp: string, commitUserId: string | null, replayId: string, record:
      | { __typename: 'Account', id: string, name: string, industry: string | null, billingAddress: { city: string | null } | null, owner: { name: string } | null }
      | { __typename: 'Contact', id: string, lastName: string, account: { id: string, name: string } | null }
      | { __typename: 'Lead', id: string, lastName: string, company: string }
      | { __typename: 'Opportunity', id: string, name: string, stageName: string, amount: number | null }
     | null } };

export type AccountUpdatesAndDeletesSubscriptionVariables = Exact<{
  ids?: Array<string | number> | string | number | null | undefined;
}>;


export type AccountUpdatesAndDeletesSubscription = { accountChanged: { type: SObjectType, changeType: ChangeType, recordIds: Array<string>, changedFields: Array<string>, commitTimestamp: string, commitUserId: string | null, replayId: string, record:
      | { __typename: 'Account', id: string, name: string, industry: string | null, billingAddress: { city: string | null } | null, owner: { name: string } | null }
      | { __typename: 'Contact', id: string, lastName: string, account: { id: string, name: string } | null }
      | { __typename: 'Lead', id: string, lastName: string, company: string }
      | { __typename: 'Opportunity', id: string, name: string, stageName: string, amount: number | null }
     | null } };

export type LeadUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LeadUpdatesSubscription = { leadChanged: { changeType: ChangeType, recordIds: Array<string>, record:
      | { __typename: 'Account', id: string, name: string, industry: string | null, billingAddress: { city: string | null } | null, owner: { name: string } | null }
      | { __typename: 'Contact', id: string, lastName: string, account: { id: string, name: string } | null }
      | { __typename: 'Lead', id: string, lastName: string, company: string }
      | { __typename: 'Opportunity', id: string, name: string, stageName: string, amount: number | null }
     | null } };

export type ContactChangesOfAccountsSubscriptionVariables = Exact<{
  a?: Array<string | number> | string | number | null | undefined;
}>;


export type ContactChangesOfAccountsSubscription = { contactChanged: { changeType: ChangeType, recordIds: Array<string>, record:
      | { __typename: 'Account', id: string, name: string, industry: string | null, billingAddress: { city: string | null } | null, owner: { name: string } | null }
      | { __typename: 'Contact', id: string, lastName: string, account: { id: string, name: string } | null }
      | { __typename: 'Lead', id: string, lastName: string, company: string }
      | { __typename: 'Opportunity', id: string, name: string, stageName: string, amount: number | null }
     | null } };

export type OpportunityCreatesOfAccountsSubscriptionVariables = Exact<{
  a?: Array<string | number> | string | number | null | undefined;
}>;


export type OpportunityCreatesOfAccountsSubscription = { opportunityChanged: { changeType: ChangeType, recordIds: Array<string>, record:
      | { __typename: 'Account', id: string, name: string, industry: string | null, billingAddress: { city: string | null } | null, owner: { name: string } | null }
      | { __typename: 'Contact', id: string, lastName: string, account: { id: string, name: string } | null }
      | { __typename: 'Lead', id: string, lastName: string, company: string }
      | { __typename: 'Opportunity', id: string, name: string, stageName: string, amount: number | null }
     | null } };

export type LeadAndContactUpdatesSubscriptionVariables = Exact<{
  ids?: Array<string | number> | string | number | null | undefined;
}>;


export type LeadAndContactUpdatesSubscription = { recordChanged: { type: SObjectType, changeType: ChangeType, recordIds: Array<string>, record:
      | { __typename: 'Account', id: string, name: string, industry: string | null, billingAddress: { city: string | null } | null, owner: { name: string } | null }
      | { __typename: 'Contact', id: string, lastName: string, account: { id: string, name: string } | null }
      | { __typename: 'Lead', id: string, lastName: string, company: string }
      | { __typename: 'Opportunity', id: string, name: string, stageName: string, amount: number | null }
     | null } };

export type AccountUpdatesAndGapsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AccountUpdatesAndGapsSubscription = { accountChanged: { changeType: ChangeType, recordIds: Array<string>, changedFields: Array<string>, record:
      | { __typename: 'Account', id: string, name: string, industry: string | null, billingAddress: { city: string | null } | null, owner: { name: string } | null }
      | { __typename: 'Contact', id: string, lastName: string, account: { id: string, name: string } | null }
      | { __typename: 'Lead', id: string, lastName: string, company: string }
      | { __typename: 'Opportunity', id: string, name: string, stageName: string, amount: number | null }
     | null } };

export type AccountUpdatesDeletesAndGapsSubscriptionVariables = Exact<{
  ids?: Array<string | number> | string | number | null | undefined;
}>;


export type AccountUpdatesDeletesAndGapsSubscription = { accountChanged: { changeType: ChangeType, recordIds: Array<string>, record:
      | { __typename: 'Account', id: string, name: string, industry: string | null, billingAddress: { city: string | null } | null, owner: { name: string } | null }
      | { __typename: 'Contact', id: string, lastName: string, account: { id: string, name: string } | null }
      | { __typename: 'Lead', id: string, lastName: string, company: string }
      | { __typename: 'Opportunity', id: string, name: string, stageName: string, amount: number | null }
     | null } };

export type PipelineChangesSubscriptionVariables = Exact<{
  w?: OpportunityFilter | null | undefined;
}>;


export type PipelineChangesSubscription = { pipelineChanged: { count: number, amount: number, weightedAmount: number, asOf: string, stages: Array<{ stageName: string, count: number, amount: number, weightedAmount: number }> } };

export type PipelineQueryVariables = Exact<{
  w?: OpportunityFilter | null | undefined;
}>;


export type PipelineQuery = { pipeline: { count: number, amount: number } };

export type AccountCreatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AccountCreatesSubscription = { accountChanged: { changeType: ChangeType, recordIds: Array<string> } };

export type CreateLiveAccountMutationVariables = Exact<{ [key: string]: never; }>;


export type CreateLiveAccountMutation = { createAccount: { id: string } };

export type UsersPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  where?: UserFilter | null | undefined;
  orderBy?: Array<UserOrderBy> | UserOrderBy | null | undefined;
}>;


export type UsersPageQuery = { users: { nodes: Array<{ id: string, name: string, email: string | null, isActive: boolean }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UsersCountedQueryVariables = Exact<{
  where?: UserFilter | null | undefined;
}>;


export type UsersCountedQuery = { users: { totalCount: number, nodes: Array<{ id: string }> } };
