import { parseStringPromise, processors } from 'xml2js';
import { escapeHtml } from '../http-io';

/** A parsed partner-API call: `<soapenv:Header><SessionHeader><sessionId>` and the Body's element. */
export interface SoapCall {
  sessionId: string | undefined;
  method: string;
  /** The method element as xml2js reads it (explicitArray off, namespace prefixes stripped). */
  args: Record<string, unknown>;
}

export class SoapFault extends Error {
  constructor(
    readonly faultCode: string,
    message: string,
    readonly httpStatus = 500,
  ) {
    super(message);
  }
}

export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const PARTNER_NS = 'urn:partner.soap.sforce.com';

export async function parseSoapCall(xml: string): Promise<SoapCall> {
  let parsed: unknown;
  try {
    parsed = await parseStringPromise(xml, {
      explicitArray: false,
      tagNameProcessors: [processors.stripPrefix],
    });
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : 'unreadable XML';
    throw new SoapFault('soapenv:Client', `Unable to parse the request envelope: ${detail}`);
  }
  const envelope = child(parsed, 'Envelope');
  const body = child(envelope, 'Body');
  if (!isRecord(body)) throw new SoapFault('soapenv:Client', 'Missing SOAP Body');
  const method = Object.keys(body).find((key) => key !== '$');
  if (!method) throw new SoapFault('soapenv:Client', 'Missing operation element in SOAP Body');
  const rawArgs = body[method];
  const sessionId = textOf(child(child(child(envelope, 'Header'), 'SessionHeader'), 'sessionId'));
  return { sessionId: sessionId ?? undefined, method, args: isRecord(rawArgs) ? rawArgs : {} };
}

export function child(node: unknown, name: string): unknown {
  return isRecord(node) ? node[name] : undefined;
}

/** Element text: `xsi:nil="true"` is null, a missing element undefined. */
export function textOf(node: unknown): string | null | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node;
  if (isRecord(node)) {
    const attrs = node['$'];
    if (isRecord(attrs) && attrs['xsi:nil'] === 'true') return null;
    const text = node['_'];
    return typeof text === 'string' ? text : '';
  }
  return undefined;
}

export function asArray(node: unknown): unknown[] {
  if (node === undefined) return [];
  return Array.isArray(node) ? node : [node];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A tree of elements for `toXml`: null → `xsi:nil`, arrays repeat the element. */
export type XmlValue = string | number | boolean | null | XmlValue[] | { [name: string]: XmlValue };

export function toXml(name: string, value: XmlValue): string {
  if (Array.isArray(value)) return value.map((v) => toXml(name, v)).join('');
  if (value === null) return `<${name} xsi:nil="true"/>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([k, v]) => toXml(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeHtml(String(value))}</${name}>`;
}

/** A response envelope whose prefixed Envelope/Body jsforce's `lookupValue` finds. */
export function soapResponse(
  method: string,
  results: XmlValue[],
  limit: { used: number; max: number },
): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NS}" xmlns="${PARTNER_NS}"`,
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '<soapenv:Header><LimitInfoHeader><limitInfo>',
    `<current>${limit.used}</current><limit>${limit.max}</limit><type>API REQUESTS</type>`,
    '</limitInfo></LimitInfoHeader></soapenv:Header>',
    `<soapenv:Body><${method}Response>`,
    results.map((r) => toXml('result', r)).join(''),
    `</${method}Response></soapenv:Body></soapenv:Envelope>`,
  ].join('');
}

/**
 * A fault as the partner API sends it. jsforce's SOAP client treats HTTP 500 with
 * `<faultcode>sf:INVALID_SESSION_ID</faultcode>` as an expired session and refreshes.
 */
export function soapFaultXml(fault: SoapFault): string {
  const sfCode = fault.faultCode.startsWith('sf:') ? fault.faultCode.slice(3) : undefined;
  const faultString = sfCode ? `${sfCode}: ${fault.message}` : fault.message;
  const detail = sfCode
    ? `<detail><sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault"><sf:exceptionCode>${sfCode}</sf:exceptionCode><sf:exceptionMessage>${escapeHtml(fault.message)}</sf:exceptionMessage></sf:UnexpectedErrorFault></detail>`
    : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NS}" xmlns:sf="urn:fault.partner.soap.sforce.com"`,
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '<soapenv:Body><soapenv:Fault>',
    `<faultcode>${fault.faultCode}</faultcode><faultstring>${escapeHtml(faultString)}</faultstring>`,
    detail,
    '</soapenv:Fault></soapenv:Body></soapenv:Envelope>',
  ].join('');
}
