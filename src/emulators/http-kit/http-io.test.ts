import { jsonReply, jsonReplyWith } from './http-io';

describe('jsonReplyWith', () => {
  it('writes the service content type and indentation, extra headers after it', () => {
    const pretty = jsonReplyWith('application/json', 2);
    expect(pretty(402, { a: 1 }, { 'Retry-After': '3' })).toEqual({
      status: 402,
      headers: { 'Content-Type': 'application/json', 'Retry-After': '3' },
      body: '{\n  "a": 1\n}',
    });
    expect(jsonReply(200, [1])).toEqual({
      status: 200,
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
      body: '[1]',
    });
  });
});
