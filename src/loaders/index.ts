import type { Viewer } from '../auth/viewer';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import {
  createChildConnectionsLoader,
  createGroupedCountLoader,
  createOpportunityTotalsLoader,
  createRecordByFieldLoader,
  createRecordByIdLoader,
  type ChildConnectionSpec,
  type ChildConnectionsLoader,
  type GroupedCountLoader,
  type GroupedCountSpec,
  type OpportunityTotalsLoader,
  type RecordByFieldLoader,
  type RecordByIdLoader,
} from '../upstreams/salesforce/loaders';
import type { SObjectName } from '../upstreams/salesforce/soql';
import { loaderKey } from './loader-key';

const entriesOf = (spec: object): Record<string, unknown> => ({ ...spec });

/** Same keys holding identical values: the same loader key, without serialising again. */
function sameSpec(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => key in right && left[key] === right[key]);
}

/**
 * A loader family keyed by the spec's content. Field resolvers ask once per parent row with
 * an equal spec (`account.contacts` under 200 opportunities: the same cached field list, no
 * filter), so the last spec is compared by identity of its values before it is serialised.
 */
function loaderFamily<S extends object, L>(scope: string, create: (spec: S) => L): (spec: S) => L {
  const byKey = new Map<string, L>();
  let last: { spec: S; loader: L } | undefined;
  return (spec) => {
    if (last !== undefined && sameSpec(last.spec, spec)) return last.loader;
    const key = loaderKey(scope, entriesOf(spec));
    let loader = byKey.get(key);
    if (loader === undefined) {
      loader = create(spec);
      byKey.set(key, loader);
    }
    last = { spec, loader };
    return loader;
  };
}

/**
 * Every loader of one request (and so of one viewer). Loader families are keyed by what
 * they select, so two parts of a query asking different fields never share a batch that
 * would miss fields, while identical selections share one batch.
 */
export function createLoaders(deps: { salesforce: SalesforceClient; viewer: Viewer }) {
  const { salesforce, viewer } = deps;
  const scope = viewer.cacheScope;
  const byId = loaderFamily(scope, (spec: { object: SObjectName; fields: string[] }) =>
    createRecordByIdLoader(salesforce, spec.object, spec.fields),
  );
  const childConnections = loaderFamily(scope, (spec: ChildConnectionSpec) =>
    createChildConnectionsLoader(salesforce, spec),
  );
  const groupedCount = loaderFamily(scope, (spec: GroupedCountSpec) =>
    createGroupedCountLoader(salesforce, spec),
  );
  const byField = loaderFamily(
    scope,
    (spec: { object: SObjectName; field: string; fields: string[] }) =>
      createRecordByFieldLoader(salesforce, spec.object, spec.field, spec.fields),
  );

  let opportunityTotals: OpportunityTotalsLoader | undefined;

  return {
    scope,
    salesforce: {
      /** Open and won opportunity amounts per Account (Customer360). */
      opportunityTotals(): OpportunityTotalsLoader {
        opportunityTotals ??= createOpportunityTotalsLoader(salesforce);
        return opportunityTotals;
      },
      recordById(object: SObjectName, fields: string[]): RecordByIdLoader {
        return byId({ object, fields });
      },
      childConnections(spec: ChildConnectionSpec): ChildConnectionsLoader {
        return childConnections(spec);
      },
      groupedCount(spec: GroupedCountSpec): GroupedCountLoader {
        return groupedCount(spec);
      },
      /** Records whose `field` holds the key (a linked service's id in an Account link field). */
      recordByField(object: SObjectName, field: string, fields: string[]): RecordByFieldLoader {
        return byField({ object, field, fields });
      },
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
