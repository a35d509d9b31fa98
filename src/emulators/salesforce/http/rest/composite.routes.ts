import { SalesforceError } from '../../model/errors';
import type { DmlResult } from '../../store';
import { jsonReply } from '../http-io';
import type { ApiCall, ApiRoute } from './api-route';
import {
  fieldValues,
  isJsonObject,
  parseJsonBody,
  requireJsonObject,
  requireObject,
} from './api-route';
import { lookupRecord } from './record-access';
import { resolveFields, toJsonRecord } from './record-json';

const MAX_RETRIEVE_IDS = 2000;

interface CollectionBody {
  allOrNone: boolean;
  records: Record<string, unknown>[];
}

function collectionBody(call: ApiCall): CollectionBody {
  const body = requireJsonObject(parseJsonBody(call));
  const records = body['records'];
  if (!Array.isArray(records) || !records.every(isJsonObject)) {
    throw new SalesforceError(
      400,
      'JSON_PARSER_ERROR',
      "The 'records' property must be an array of sObjects",
    );
  }
  return { allOrNone: body['allOrNone'] === true, records };
}

/** The object type a collection record names in `attributes.type`. */
function recordType(record: Record<string, unknown>): string {
  const attributes = record['attributes'];
  const type = isJsonObject(attributes) ? attributes['type'] : undefined;
  if (typeof type !== 'string' || type === '') {
    throw new SalesforceError(400, 'INVALID_TYPE', 'Must send a concrete entity type.');
  }
  return type;
}

/** Save results as Salesforce sends them: `created` only exists for upserts. */
const saveResults = (results: DmlResult[]): unknown[] =>
  results.map(({ created: _created, ...rest }) => rest);

export const retrieveManyRoute: ApiRoute = {
  endpoint: 'retrieveMany',
  handle: (call) => {
    const def = requireObject(call, call.params['type']);
    const body = requireJsonObject(parseJsonBody(call));
    const ids = body['ids'];
    const fieldNames = body['fields'];
    if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string')) {
      throw new SalesforceError(
        400,
        'JSON_PARSER_ERROR',
        "The 'ids' property must be an array of record Ids",
      );
    }
    if (ids.length > MAX_RETRIEVE_IDS) {
      throw new SalesforceError(
        400,
        'EXCEEDED_ID_LIMIT',
        `Maximum number of ids allowed is ${MAX_RETRIEVE_IDS}`,
      );
    }
    if (
      !Array.isArray(fieldNames) ||
      !fieldNames.every((f): f is string => typeof f === 'string')
    ) {
      throw new SalesforceError(
        400,
        'JSON_PARSER_ERROR',
        "The 'fields' property must be an array of field names",
      );
    }
    const fields = resolveFields(def, fieldNames);
    return jsonReply(
      200,
      ids.map((id) => {
        const record = lookupRecord(call, def, id);
        return record && record['IsDeleted'] !== true
          ? toJsonRecord(def, record, fields, call.apiVersion)
          : null;
      }),
    );
  },
};

export const createManyRoute: ApiRoute = {
  endpoint: 'createMany',
  handle: (call) => {
    const { allOrNone, records } = collectionBody(call);
    const input = records.map((r) => ({ objectName: recordType(r), values: fieldValues(r) }));
    return jsonReply(200, saveResults(call.ctx.store.createMany(input, allOrNone, call.user)));
  },
};

export const updateManyRoute: ApiRoute = {
  endpoint: 'updateMany',
  handle: (call) => {
    const { allOrNone, records } = collectionBody(call);
    const input = records.map((r) => {
      const id = r['id'] ?? r['Id'];
      return {
        objectName: recordType(r),
        id: typeof id === 'string' ? id : '',
        values: fieldValues(r, ['id', 'Id']),
      };
    });
    return jsonReply(200, saveResults(call.ctx.store.updateMany(input, allOrNone, call.user)));
  },
};

export const deleteManyRoute: ApiRoute = {
  endpoint: 'deleteMany',
  handle: (call) => {
    const idsParam = call.query.get('ids');
    if (idsParam === null || idsParam.trim() === '') {
      throw new SalesforceError(400, 'MISSING_ARGUMENT', 'ids parameter is required');
    }
    const ids = idsParam.split(',').map((id) => id.trim());
    const allOrNone = call.query.get('allOrNone') === 'true';
    return jsonReply(200, saveResults(call.ctx.store.deleteMany(ids, allOrNone, call.user)));
  },
};

export const upsertManyRoute: ApiRoute = {
  endpoint: 'upsertMany',
  handle: (call) => {
    const def = requireObject(call, call.params['type']);
    const fieldName = resolveFields(def, [call.params['field'] ?? ''])[0]?.name ?? '';
    const { allOrNone, records } = collectionBody(call);
    const values = records.map((r) => fieldValues(r));
    return jsonReply(
      200,
      call.ctx.store.upsertMany(def.name, fieldName, values, allOrNone, call.user),
    );
  },
};
