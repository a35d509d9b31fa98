import { graphQLOverHttpStatus } from './graphql-over-http-status';

const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE = 'application/graphql-response+json; charset=utf-8';
const body = (...codes: string[]) =>
  JSON.stringify({ errors: codes.map((code) => ({ message: 'x', extensions: { code } })) });

describe('graphQLOverHttpStatus', () => {
  it('answers request errors of a well-formed request 200 in application/json', () => {
    expect(graphQLOverHttpStatus(400, JSON_TYPE, body('BAD_USER_INPUT'))).toBe(200);
    expect(graphQLOverHttpStatus(400, JSON_TYPE, body('QUERY_TOO_COMPLEX'))).toBe(200);
  });

  it('keeps 400 for the media type that carries status, and for malformed HTTP requests', () => {
    expect(graphQLOverHttpStatus(400, GRAPHQL_RESPONSE, body('BAD_USER_INPUT'))).toBe(400);
    expect(graphQLOverHttpStatus(400, JSON_TYPE, body('BAD_REQUEST'))).toBe(400);
    expect(graphQLOverHttpStatus(400, JSON_TYPE, body('BAD_USER_INPUT', 'BAD_REQUEST'))).toBe(400);
    expect(graphQLOverHttpStatus(400, JSON_TYPE, 'not json')).toBe(400);
    expect(graphQLOverHttpStatus(400, JSON_TYPE, '{"errors":[]}')).toBe(400);
  });

  it('leaves every other status alone', () => {
    expect(graphQLOverHttpStatus(401, JSON_TYPE, body('UNAUTHENTICATED'))).toBe(401);
    expect(graphQLOverHttpStatus(429, JSON_TYPE, body('RATE_LIMITED'))).toBe(429);
    expect(graphQLOverHttpStatus(200, JSON_TYPE, body('NOT_FOUND'))).toBe(200);
  });
});
