/**
 * The gateway alone in its process, built from the config the emulators process answered:
 * its `cpu` answer is the gateway's own CPU (HTTP, GraphQL, jsforce client side), nothing else.
 */
import 'reflect-metadata';
import '../production-env';
import type { GatewayConfig } from '../../src/config';
import { deepFreeze } from '../../src/config/load-config';
import { createServer } from '../../src/server/create-server';
import { readChildInput, runBenchChild } from './bench-child';
import type { GatewayInput, ServerReady } from './bench-processes';

runBenchChild<ServerReady>(async () => {
  const input = readChildInput<GatewayInput>();
  const gateway = await createServer(deepFreeze(input.gatewayConfig as GatewayConfig));
  return { ready: { url: gateway.url }, stop: () => gateway.stop() };
});
