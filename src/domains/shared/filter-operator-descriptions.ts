/**
 * What every scalar filter operator means, null included: the text goes into schema.graphql,
 * where client developers read it, so the null rules are stated on each operator.
 */
export const FILTER_OPERATOR_DESCRIPTIONS = {
  eq: 'Equal to the value. `eq: null` matches records whose field is empty (SOQL `= null`).',
  ne: 'Not equal to the value; records whose field is empty match too, as in SOQL. `ne: null` matches records whose field is set (SOQL `!= null`).',
  lt: 'Less than the value. Null is refused with BAD_USER_INPUT; leave the operator out instead.',
  lte: 'Less than or equal to the value. Null is refused with BAD_USER_INPUT.',
  gt: 'Greater than the value. Null is refused with BAD_USER_INPUT.',
  gte: 'Greater than or equal to the value. Null is refused with BAD_USER_INPUT.',
  in: 'One of the values (at least one). A null list is refused with BAD_USER_INPUT; match empty fields with `eq: null` or `isNull: true`. The whole query must fit the Salesforce request-URL limit (16,384 bytes), so very long lists are refused with BAD_USER_INPUT.',
  nin: 'None of the values; records whose field is empty match too, as in SOQL. `nin: []` constrains nothing; a null list is refused with BAD_USER_INPUT.',
  like: 'SOQL LIKE pattern, case-insensitive: `%` any characters, `_` one character; `\\%`, `\\_` and `\\\\` match them literally. Null is refused with BAD_USER_INPUT.',
  isNull: '`true`: the field is empty; `false`: it is set. Null is refused with BAD_USER_INPUT.',
  relative:
    "A SOQL date literal (e.g. LAST_N_DAYS with n: 30), resolved by Salesforce in the user's time zone. Null is refused with BAD_USER_INPUT.",
} as const;

export const SCALAR_FILTER_DESCRIPTION =
  'Operators on one field, ANDed together. Only `eq` and `ne` accept null (empty field / set field); any other operator given null, or a null list, is BAD_USER_INPUT.';
