import type { BaselineLogin } from '../baseline/baseline-connection';
import type { BaselineLinkedTargets } from '../baseline/baseline-linked';

/** What each bench process is started with and answers when ready (all plain JSON). */
export interface EmulatorsInput {
  latencyMs: number;
  scale: number;
  linked: boolean;
}

export interface EmulatorsReady {
  salesforceUrl: string;
  /** The gateway's GatewayConfig pointed at these emulators, as JSON. */
  gatewayConfig: unknown;
  linkedEmulators: Array<{
    service: 'stripe' | 'zendesk' | 'quickbooks';
    url: string;
    adminUrl: string;
  }>;
}

export interface GatewayInput {
  gatewayConfig: unknown;
}

export type BaselineInput = BaselineLogin & { linked?: BaselineLinkedTargets };

/** The floor loads the org's records once at start-up through this login, then never again. */
export type FloorInput = BaselineLogin;

export interface ServerReady {
  /** `http://127.0.0.1:PORT/graphql` */
  url: string;
}
