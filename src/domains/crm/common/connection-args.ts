import { DEFAULT_PAGE_SIZE } from '../../shared/connection.args';

/** Arguments every Salesforce connection field takes, before compilation. */
export interface ConnectionArguments {
  first?: number | null;
  after?: string | null;
  where?: object | null;
  orderBy?: ReadonlyArray<{
    field: string;
    direction?: string | null;
    nulls?: string | null;
  }> | null;
}

/** An explicit `first: null` means the default page, as if it were omitted. */
export function pageSize(args: ConnectionArguments): number {
  return args.first ?? DEFAULT_PAGE_SIZE;
}
