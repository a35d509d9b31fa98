import { loadConfig } from './load-config';
import { readEnvironment } from './read-environment';
import type { GatewayConfig } from './config.types';

/** The process configuration, parsed once at first import; throws ConfigError when invalid. */
export const config: GatewayConfig = loadConfig(readEnvironment());
