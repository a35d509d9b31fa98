import { parseSoapCall, SoapFault, soapFaultXml, soapResponse } from './soap-envelope';
import { readLeadConverts } from './convert-lead.soap';

// What jsforce 3.10's SOAP client writes for conn.soap.convertLead([...]).
const envelope = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"',
  ' xmlns:xsd="http://www.w3.org/2001/XMLSchema"',
  ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
  '<soapenv:Header xmlns="urn:partner.soap.sforce.com"><SessionHeader><sessionId>00D!tok</sessionId></SessionHeader></soapenv:Header>',
  '<soapenv:Body xmlns="urn:partner.soap.sforce.com"><convertLead>',
  '<leadConverts><leadId>00Q1</leadId><convertedStatus>Closed - Converted</convertedStatus>',
  '<accountId xsi:nil="true"></accountId><doNotCreateOpportunity>true</doNotCreateOpportunity></leadConverts>',
  '<leadConverts><leadId>00Q2</leadId><convertedStatus>Closed - Converted</convertedStatus>',
  '<opportunityName>Big &amp; Co</opportunityName></leadConverts>',
  '</convertLead></soapenv:Body></soapenv:Envelope>',
].join('');

describe('SOAP envelope', () => {
  it('reads the session header, the method and each leadConverts element', async () => {
    const call = await parseSoapCall(envelope);
    expect(call.sessionId).toBe('00D!tok');
    expect(call.method).toBe('convertLead');
    expect(readLeadConverts(call.args)).toEqual([
      {
        leadId: '00Q1',
        convertedStatus: 'Closed - Converted',
        accountId: null,
        contactId: null,
        ownerId: null,
        doNotCreateOpportunity: true,
        opportunityName: null,
      },
      {
        leadId: '00Q2',
        convertedStatus: 'Closed - Converted',
        accountId: null,
        contactId: null,
        ownerId: null,
        doNotCreateOpportunity: false,
        opportunityName: 'Big & Co',
      },
    ]);
  });

  it('faults on unreadable XML and on a missing Body', async () => {
    await expect(parseSoapCall('<nope')).rejects.toBeInstanceOf(SoapFault);
    await expect(
      parseSoapCall(
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"/>',
      ),
    ).rejects.toThrow('Missing SOAP Body');
  });

  it('writes responses and faults in the shape jsforce looks up', () => {
    const xml = soapResponse(
      'convertLead',
      [{ leadId: '00Q1', opportunityId: null, success: true }],
      { used: 3, max: 10 },
    );
    expect(xml).toContain('<soapenv:Body><convertLeadResponse><result><leadId>00Q1</leadId>');
    expect(xml).toContain('<opportunityId xsi:nil="true"/>');
    const fault = soapFaultXml(
      new SoapFault(
        'sf:INVALID_SESSION_ID',
        'Invalid Session ID found in SessionHeader: Illegal Session',
      ),
    );
    // jsforce's SOAP isSessionExpired() test.
    expect(/<faultcode>[a-zA-Z]+:INVALID_SESSION_ID<\/faultcode>/.test(fault)).toBe(true);
    expect(fault).toContain('<faultstring>INVALID_SESSION_ID: Invalid Session ID');
  });
});
