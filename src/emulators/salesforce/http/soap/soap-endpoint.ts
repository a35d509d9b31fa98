import type { EmulatorContext } from '../../emulator-context';
import { authenticate } from '../../oauth/oauth-request';
import { XML_CONTENT_TYPE, type HttpReply } from '../http-io';
import { convertLeads, readLeadConverts } from './convert-lead.soap';
import { parseSoapCall, PARTNER_NS, SoapFault, soapFaultXml, soapResponse } from './soap-envelope';

/**
 * POST /services/Soap/u/{version}: the partner API, `convertLead` only (jsforce has no REST
 * lead conversion). Same session, limit and fault rules as REST, answered as SOAP faults.
 */
export async function handleSoapRequest(
  ctx: EmulatorContext,
  body: Buffer,
  sleep: () => Promise<void>,
): Promise<HttpReply> {
  try {
    const call = await parseSoapCall(body.toString('utf8'));
    const found = authenticate(ctx, call.sessionId);
    if (!found) {
      throw new SoapFault(
        'sf:INVALID_SESSION_ID',
        'Invalid Session ID found in SessionHeader: Illegal Session',
      );
    }
    if (call.method !== 'convertLead') {
      throw new SoapFault(
        'soapenv:Client',
        `No operation available for request {${PARTNER_NS}}${call.method}`,
      );
    }
    const admission = ctx.usage.admit();
    if (admission === 'server-unavailable') {
      throw new SoapFault('sf:SERVER_UNAVAILABLE', 'Server temporarily unavailable', 503);
    }
    if (admission === 'limit-exceeded')
      throw new SoapFault('sf:REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    ctx.usage.record('convertLead', found.user.Username);
    await sleep();
    const results = convertLeads(ctx.store, readLeadConverts(call.args), found.user);
    return xmlReply(200, soapResponse('convertLead', results, ctx.usage.limit()));
  } catch (err) {
    if (err instanceof SoapFault) return xmlReply(err.httpStatus, soapFaultXml(err));
    throw err;
  }
}

function xmlReply(status: number, body: string): HttpReply {
  return { status, headers: { 'Content-Type': XML_CONTENT_TYPE }, body };
}
