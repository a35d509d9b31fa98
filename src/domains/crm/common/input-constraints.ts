import { validateSync } from 'class-validator';
import { BadUserInputError } from '../../../errors';

/**
 * The class-validator constraints declared on a write's input class (`@Min`/`@Max` on
 * `probability`...), checked before anything is sent to Salesforce. Null and absent values are
 * skipped: null clears a field and is Salesforce's to refuse. type-graphql's own validation stays
 * off (schema.ts), so the failure is reported like every other input error: BAD_USER_INPUT naming
 * the argument and the field.
 */
export function assertInputConstraints(input: object, argument = 'input'): void {
  const [failure] = validateSync(input, {
    skipMissingProperties: true,
    forbidUnknownValues: false,
  });
  if (failure === undefined) return;
  const field = failure.property;
  const [reason] = Object.values(failure.constraints ?? {});
  throw new BadUserInputError(reason ?? `${field} is not valid`, {
    argument: `${argument}.${field}`,
    fields: [field],
  });
}
