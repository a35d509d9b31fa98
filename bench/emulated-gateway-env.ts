/**
 * The environment every bench gateway starts from: production settings, loopback, any free
 * port, no logs, and the built-in Salesforce emulator on a free port. Each scenario adds what
 * it measures (auth mode, cache, metrics, linked emulators).
 */
export const EMULATED_GATEWAY_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'silent',
  SALESFORCE_MODE: 'emulator',
  EMULATOR_SALESFORCE_PORT: '0',
};
