import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';

/**
 * process.env over the optional `.env` file of the working directory; the real environment
 * wins so a shell or CI can override the file. The only place that reads process.env.
 */
export function readEnvironment(cwd: string = process.cwd()): NodeJS.ProcessEnv {
  const path = resolve(cwd, '.env');
  const fromFile = existsSync(path) ? parse(readFileSync(path)) : {};
  return { ...fromFile, ...process.env };
}
