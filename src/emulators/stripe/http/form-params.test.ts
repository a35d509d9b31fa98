import { MalformedParamError, parseFormParams } from './form-params';

describe('parseFormParams', () => {
  it('nests brackets and turns indexed or empty-bracket keys into arrays', () => {
    const params = new URLSearchParams(
      'amount=100&metadata[salesforce_account_id]=001A&metadata[tier]=&expand[0]=customer&expand[1]=latest_charge&tags[]=a&tags[]=b&created[gte]=5',
    );
    expect(parseFormParams(params)).toEqual({
      amount: '100',
      metadata: { salesforce_account_id: '001A', tier: '' },
      expand: ['customer', 'latest_charge'],
      tags: ['a', 'b'],
      created: { gte: '5' },
    });
  });

  it('decodes percent-encoded brackets as stripe-node may send them', () => {
    expect(parseFormParams(new URLSearchParams('metadata%5Bk%5D=v'))).toEqual({
      metadata: { k: 'v' },
    });
  });

  it.each(['[x]=1', 'a[b=1', 'a=1&a[b]=2'])('refuses the malformed key in %j', (body) => {
    expect(() => parseFormParams(new URLSearchParams(body))).toThrow(MalformedParamError);
  });
});
