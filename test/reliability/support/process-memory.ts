import { readFileSync } from 'node:fs';

/**
 * The resident set of a process, from `/proc/<pid>/status` (Linux): what the kernel charges
 * the gateway for, heap, code and buffers alike, so a leak outside the V8 heap shows too.
 */
export function residentSetBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

export const mebibytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
