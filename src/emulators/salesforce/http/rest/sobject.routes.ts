import { SalesforceError } from '../../model/errors';
import { emptyReply, jsonReply } from '../http-io';
import type { ApiCall, ApiRoute } from './api-route';
import {
  fieldValues,
  notFound,
  parseJsonBody,
  requireJsonObject,
  requireObject,
} from './api-route';
import { describeGlobalJson, describeObjectJson, globalObjectJson } from './describe-json';
import { assertWritableTarget, findVisibleRecord } from './record-access';
import { resolveFields, toJsonRecord } from './record-json';

const param = (call: ApiCall, name: string): string => call.params[name] ?? '';

export const describeGlobalRoute: ApiRoute = {
  endpoint: 'describeGlobal',
  handle: (call) =>
    jsonReply(200, describeGlobalJson(call.ctx.store.listObjects(), call.apiVersion)),
};

export const describeRoute: ApiRoute = {
  endpoint: 'describe',
  handle: (call) =>
    jsonReply(200, describeObjectJson(requireObject(call, param(call, 'type')), call.apiVersion)),
};

export const sobjectBasicInfoRoute: ApiRoute = {
  endpoint: 'sobjectBasicInfo',
  handle: (call) => {
    const def = requireObject(call, param(call, 'type'));
    return jsonReply(200, {
      objectDescribe: globalObjectJson(def, call.apiVersion),
      recentItems: [],
    });
  },
};

export const createRoute: ApiRoute = {
  endpoint: 'create',
  handle: (call) => {
    const def = requireObject(call, param(call, 'type'));
    const body = requireJsonObject(parseJsonBody(call));
    const id = call.ctx.store.create(def.name, fieldValues(body), call.user);
    return jsonReply(201, { id, success: true, errors: [] });
  },
};

export const retrieveRoute: ApiRoute = {
  endpoint: 'retrieve',
  handle: (call) => {
    const def = requireObject(call, param(call, 'type'));
    const fieldsParam = call.query.get('fields');
    const fields = resolveFields(def, fieldsParam === null ? undefined : fieldsParam.split(','));
    const record = findVisibleRecord(call, def, param(call, 'id'));
    return jsonReply(200, toJsonRecord(def, record, fields, call.apiVersion));
  },
};

export const updateRoute: ApiRoute = {
  endpoint: 'update',
  handle: (call) => {
    const def = requireObject(call, param(call, 'type'));
    const body = requireJsonObject(parseJsonBody(call));
    const id = param(call, 'id');
    assertWritableTarget(call, def, id);
    call.ctx.store.update(def.name, id, fieldValues(body), call.user);
    return emptyReply(204);
  },
};

export const deleteRoute: ApiRoute = {
  endpoint: 'delete',
  handle: (call) => {
    const def = requireObject(call, param(call, 'type'));
    const id = param(call, 'id');
    assertWritableTarget(call, def, id);
    call.ctx.store.delete(id, call.user);
    return emptyReply(204);
  },
};

/**
 * PATCH /sobjects/{T}/{ExtIdField}/{value}. Created: 201 with the save result. Updated:
 * 200 with `created: false` from API 46.0 on, 204 before (when `created` did not exist).
 */
export const upsertRoute: ApiRoute = {
  endpoint: 'upsert',
  handle: (call) => {
    const def = requireObject(call, param(call, 'type'));
    const fieldName = resolveFields(def, [param(call, 'field')])[0]?.name ?? param(call, 'field');
    const body = requireJsonObject(parseJsonBody(call));
    const { id, created } = call.ctx.store.upsert(
      def.name,
      fieldName,
      param(call, 'value'),
      fieldValues(body),
      call.user,
    );
    const withCreated = Number(call.apiVersion) >= 46;
    if (created)
      return jsonReply(201, { id, success: true, errors: [], ...(withCreated ? { created } : {}) });
    return withCreated
      ? jsonReply(200, { id, success: true, errors: [], created })
      : emptyReply(204);
  },
};

/** GET /sobjects/{T}/{ExtIdField}/{value}: one match is the record, several a 300. */
export const retrieveByExternalIdRoute: ApiRoute = {
  endpoint: 'retrieveByExternalId',
  handle: (call) => {
    const def = requireObject(call, param(call, 'type'));
    const field = resolveFields(def, [param(call, 'field')])[0];
    if (!field || !(field.externalId || field.type === 'id')) {
      throw new SalesforceError(
        404,
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${param(call, 'field')}`,
      );
    }
    const wanted = param(call, 'value');
    const matches = [...call.ctx.store.rows(def.name)].filter(
      (r) =>
        r['IsDeleted'] !== true &&
        String(r[field.name] ?? '').toLowerCase() === wanted.toLowerCase() &&
        call.ctx.store.canSee(call.user, def.name, r),
    );
    const first = matches[0];
    if (!first) throw notFound();
    if (matches.length > 1) {
      return jsonReply(
        300,
        matches.map((r) => `/services/data/v${call.apiVersion}/sobjects/${def.name}/${r.Id}`),
      );
    }
    return jsonReply(200, toJsonRecord(def, first, def.fields, call.apiVersion));
  },
};
