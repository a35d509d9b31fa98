import { ConfigError, loadConfig } from '../../src/config/load-config';

/** Every problem loadConfig lists for `env`; fails the test when the environment is valid. */
export function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}
