import { Connection } from 'jsforce';

export interface BaselineLogin {
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  apiVersion?: string;
}

/** Its own jsforce session, logged in with the OAuth client credentials grant. */
export async function loginBaselineConnection(login: BaselineLogin): Promise<Connection> {
  const conn = new Connection({
    loginUrl: login.loginUrl,
    version: login.apiVersion ?? '59.0',
    oauth2: {
      loginUrl: login.loginUrl,
      clientId: login.clientId,
      clientSecret: login.clientSecret,
    },
  });
  await conn.authorize({ grant_type: 'client_credentials' });
  return conn;
}
