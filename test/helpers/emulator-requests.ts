/** What `GET /__emulator/requests` lists: every request that reached the emulated org. */
export interface EmulatorRequest {
  method: string;
  path: string;
  requestId: string | null;
  callOptions: string | null;
}

export async function emulatorRequests(emulatorUrl: string): Promise<EmulatorRequest[]> {
  const response = await fetch(`${emulatorUrl}/__emulator/requests`);
  if (!response.ok) throw new Error(`emulator requests: HTTP ${response.status}`);
  return ((await response.json()) as { requests: EmulatorRequest[] }).requests;
}

/** REST API calls among them (OAuth token and identity requests left out). */
export function apiCalls(requests: EmulatorRequest[]): EmulatorRequest[] {
  return requests.filter((r) => r.path.startsWith('/services/'));
}

export async function injectFaults(
  emulatorUrl: string,
  faults: Record<string, unknown>,
): Promise<void> {
  const response = await fetch(`${emulatorUrl}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`emulator faults: HTTP ${response.status}`);
}
