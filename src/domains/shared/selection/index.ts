export { selectSoqlFields } from './select-soql-fields';
export { soqlFieldsFromSelection } from './soql-fields-from-selection';
export { isFieldSelected } from './is-field-selected';
