/**
 * The subscriptions bench's gateway process: the demo Salesforce emulator and the gateway,
 * nothing else, so its RSS and CPU are the gateway's own (plus the emulator's commits and
 * CDC stream, a few per second). Run with --expose-gc; answers the orchestrator over IPC.
 */
import 'reflect-metadata';
import { EMULATED_GATEWAY_ENV } from '../emulated-gateway-env';
import { loadConfig } from '../../src/config';
import { createServer } from '../../src/server/create-server';
import { startDemoSalesforce } from '../../src/server/demo-bootstrap';
import type { GatewayCommand, GatewayReport } from './protocol';

function send(report: GatewayReport): void {
  process.send?.(report);
}

function collect(): void {
  // Twice: the first pass may only queue finalizers whose memory the second frees.
  global.gc?.();
  global.gc?.();
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('gateway-process.ts runs as a child of bench/subscriptions');
  const config = loadConfig({
    ...EMULATED_GATEWAY_ENV,
    AUTH_MODE: 'demo',
    // No scrape listener: its fixed port would collide with any other gateway on the machine.
    METRICS_ENABLED: 'false',
  });
  const demo = await startDemoSalesforce(config, { port: 0 });
  const gateway = await createServer(demo.config, { subscriptions: { maxQueue: 1_000 } });

  process.on('message', (command: GatewayCommand) => {
    if (command.type === 'measure') {
      collect();
      const sharing = gateway.subscriptionSharing();
      const cpu = process.cpuUsage();
      send({
        type: 'measurement',
        id: command.id,
        rssBytes: process.memoryUsage().rss,
        heapUsedBytes: process.memoryUsage().heapUsed,
        subscribers: gateway.liveStats()?.subscribers ?? 0,
        sharedGroups: sharing.groups,
        sharedExecutions: sharing.executions,
        cpuMicros: cpu.user + cpu.system,
      });
      return;
    }
    void (async () => {
      await gateway.stop();
      await demo.emulator.stop();
      // process.exit, not a drained loop: --cpu-prof still writes its profile.
      process.exit(0);
    })();
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', gatewayUrl: gateway.url, emulatorUrl: demo.emulator.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
