/**
 * A label whose values come from clients (operation names) or from code we do not control
 * (error codes): the first `max` distinct values are kept, later ones share `overflow`, so
 * nobody can grow the number of series without bound.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly overflow = '(other)',
  ) {}

  value(raw: string): string {
    if (this.seen.has(raw)) return raw;
    if (this.seen.size >= this.max) return this.overflow;
    this.seen.add(raw);
    return raw;
  }
}
