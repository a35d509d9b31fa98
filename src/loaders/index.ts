import type { Viewer } from '../auth/viewer';
import type { SalesforceClient } from '../upstreams/salesforce/client';
import {
  createChildConnectionsLoader,
  createGroupedCountLoader,
  createRecordByIdLoader,
  type ChildConnectionSpec,
  type ChildConnectionsLoader,
  type GroupedCountLoader,
  type GroupedCountSpec,
  type RecordByIdLoader,
} from '../upstreams/salesforce/loaders';
import type { SObjectName } from '../upstreams/salesforce/soql';
import { loaderKey } from './loader-key';

function memo<T>(cache: Map<string, T>, key: string, create: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = create();
    cache.set(key, value);
  }
  return value;
}

/**
 * Every loader of one request (and so of one viewer). Loader families are keyed by what
 * they select, so two parts of a query asking different fields never share a batch that
 * would miss fields, while identical selections share one batch.
 */
export function createLoaders(deps: { salesforce: SalesforceClient; viewer: Viewer }) {
  const { salesforce, viewer } = deps;
  const scope = viewer.cacheScope;
  const byId = new Map<string, RecordByIdLoader>();
  const children = new Map<string, ChildConnectionsLoader>();
  const counts = new Map<string, GroupedCountLoader>();

  return {
    scope,
    salesforce: {
      recordById(object: SObjectName, fields: string[]): RecordByIdLoader {
        const key = loaderKey(scope, { object, fields });
        return memo(byId, key, () => createRecordByIdLoader(salesforce, object, fields));
      },
      childConnections(spec: ChildConnectionSpec): ChildConnectionsLoader {
        const key = loaderKey(scope, { ...spec });
        return memo(children, key, () => createChildConnectionsLoader(salesforce, spec));
      },
      groupedCount(spec: GroupedCountSpec): GroupedCountLoader {
        const key = loaderKey(scope, { ...spec });
        return memo(counts, key, () => createGroupedCountLoader(salesforce, spec));
      },
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
