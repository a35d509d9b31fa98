import { Field, InputType, Int, registerEnumType } from 'type-graphql';

/** SOQL date literals; `n` is required by the `_N_` ones. */
export enum DateLiteral {
  TODAY = 'TODAY',
  YESTERDAY = 'YESTERDAY',
  THIS_WEEK = 'THIS_WEEK',
  LAST_WEEK = 'LAST_WEEK',
  THIS_MONTH = 'THIS_MONTH',
  LAST_MONTH = 'LAST_MONTH',
  NEXT_MONTH = 'NEXT_MONTH',
  THIS_QUARTER = 'THIS_QUARTER',
  LAST_QUARTER = 'LAST_QUARTER',
  NEXT_QUARTER = 'NEXT_QUARTER',
  THIS_YEAR = 'THIS_YEAR',
  LAST_YEAR = 'LAST_YEAR',
  LAST_N_DAYS = 'LAST_N_DAYS',
  NEXT_N_DAYS = 'NEXT_N_DAYS',
}

registerEnumType(DateLiteral, {
  name: 'DateLiteral',
  description:
    'A SOQL date literal, resolved by Salesforce in the running user’s time zone (weeks start on the day their locale starts them; quarters and years are calendar ones).',
  valuesConfig: {
    TODAY: { description: 'Today.' },
    YESTERDAY: { description: 'Yesterday.' },
    THIS_WEEK: { description: 'The current week.' },
    LAST_WEEK: { description: 'The week before the current one.' },
    THIS_MONTH: { description: 'The current calendar month.' },
    LAST_MONTH: { description: 'The month before the current one.' },
    NEXT_MONTH: { description: 'The month after the current one.' },
    THIS_QUARTER: { description: 'The current quarter.' },
    LAST_QUARTER: { description: 'The quarter before the current one.' },
    NEXT_QUARTER: { description: 'The quarter after the current one.' },
    THIS_YEAR: { description: 'The current calendar year.' },
    LAST_YEAR: { description: 'The year before the current one.' },
    LAST_N_DAYS: { description: 'The last `n` days up to today (needs `n`).' },
    NEXT_N_DAYS: { description: 'The next `n` days from today (needs `n`).' },
  },
});

@InputType({
  description:
    'A date range relative to today, as a SOQL date literal: `{ literal: LAST_N_DAYS, n: 30 }` is `LAST_N_DAYS:30`. Compared with `eq` semantics: the field falls in the range.',
})
export class RelativeDate {
  @Field(() => DateLiteral, { description: 'Which range.' })
  literal!: DateLiteral;

  @Field(() => Int, {
    nullable: true,
    description:
      'Days for LAST_N_DAYS and NEXT_N_DAYS, 0 or more (required there); with any other literal it is BAD_USER_INPUT.',
  })
  n?: number | null;
}
