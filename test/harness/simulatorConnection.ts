import { SUITE_ENVIRONMENT } from './suiteEnvironment';

export interface SimulatorCredentials {
  username: string;
  password: string;
}

/** What the simulator CLI announces on its SIMULATOR_READY line, and what suites receive in VEEAM_TEST_SIMULATOR. */
export interface SimulatorConnection {
  emUrl: string;
  vb365Url: string;
  /** Backup & Replication REST API origin (append /api/v1/…). */
  vbrUrl: string;
  controlUrl: string;
  fingerprint256: string;
  credentials: { em: SimulatorCredentials; vb365: SimulatorCredentials; vbr: SimulatorCredentials };
}

function isCredentials(value: unknown): value is SimulatorCredentials {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.username === 'string' && typeof candidate.password === 'string';
}

export function isSimulatorConnection(value: unknown): value is SimulatorConnection {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  const credentials = candidate.credentials as Record<string, unknown> | undefined;
  return (
    typeof candidate.emUrl === 'string' &&
    typeof candidate.vb365Url === 'string' &&
    typeof candidate.vbrUrl === 'string' &&
    typeof candidate.controlUrl === 'string' &&
    typeof candidate.fingerprint256 === 'string' &&
    typeof credentials === 'object' &&
    credentials !== null &&
    isCredentials(credentials.em) &&
    isCredentials(credentials.vb365) &&
    isCredentials(credentials.vbr)
  );
}

/** The simulator the harness started for this run, or undefined when the suite runs without one. */
export function simulatorFromEnvironment(env: NodeJS.ProcessEnv = process.env): SimulatorConnection | undefined {
  const raw = env[SUITE_ENVIRONMENT.simulator];
  if (!raw) return undefined;
  const parsed: unknown = JSON.parse(raw);
  if (!isSimulatorConnection(parsed)) throw new Error(`${SUITE_ENVIRONMENT.simulator} does not describe a simulator`);
  return parsed;
}
