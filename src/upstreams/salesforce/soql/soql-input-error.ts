/** User input that cannot be compiled (bad cursor, first out of range, invalid date, empty IN, unknown sort field...). */
export class SoqlInputError extends Error {
  constructor(
    message: string,
    readonly argument?: string,
  ) {
    super(message);
    this.name = 'SoqlInputError';
  }
}
