/**
 * The floor: a plain @apollo/server + type-graphql server answering the bench's documents
 * from memory, in its own process. Its CPU per operation is what any GraphQL server of this
 * stack pays for the same answer (HTTP, parse, validate, execute, serialize), with no
 * upstream at all: the gateway's own cost is what it spends above this.
 */
import 'reflect-metadata';
import '../production-env';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { loginBaselineConnection } from '../baseline/baseline-connection';
import { readChildInput, runBenchChild } from '../processes/bench-child';
import type { FloorInput, ServerReady } from '../processes/bench-processes';
import { loadFloorData } from './floor-records';
import { buildFloorSchema } from './floor-schema';

runBenchChild<ServerReady>(async () => {
  const conn = await loginBaselineConnection(readChildInput<FloorInput>());
  const schema = await buildFloorSchema(await loadFloorData(conn));
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return {
    ready: { url: new URL('/graphql', url).href },
    stop: () => server.stop(),
  };
});
