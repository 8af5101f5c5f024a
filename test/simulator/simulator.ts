import { ApiListener } from './apiListener';
import { LATEST_VBR_REVISION, isVbrRevision } from './backupReplicationRevisions';
import { BackupReplicationServer } from './backupReplicationServer';
import { BackupReplicationTokens } from './backupReplicationTokens';
import { createCertificate } from './certificate';
import { startControlServer } from './controlServer';
import { generateEnterpriseManagerData } from './enterpriseManagerData';
import { EnterpriseManagerLogons } from './enterpriseManagerLogons';
import { createEnterpriseManagerApi } from './enterpriseManagerRoutes';
import { NO_FAULTS, type FaultSettings } from './faults';
import type { IssuedSecrets } from './issuedSecrets';
import { generateMicrosoft365Data } from './microsoft365Data';
import { createMicrosoft365Api } from './microsoft365Routes';
import { simulatedEventLog, type SimulatedEventLog } from './microsoft365EventLog';
import { Microsoft365Tokens } from './microsoft365Tokens';
import { RequestCounter } from './requestCounter';
import { checkApiLatency, type ApiLatency } from './apiLatency';
import { SeededRandom } from './seededRandom';
import type { SimRequest, SimResponse } from './simulatedExchange';
import { applySessionOverrides, type SessionOverrides } from './sessionOverrides';
import { SessionProgression } from './sessionProgression';
import { DEMO_CREDENTIALS, type SimulatorCredentials } from './simulatorCredentials';

export type { FaultSettings } from './faults';
export type { SimulatorCredentials } from './simulatorCredentials';
export type { IssuedSecrets } from './issuedSecrets';
export type { SessionOverrides } from './sessionOverrides';
export type { SimulatedEventLog } from './microsoft365EventLog';
export type { ApiLatency } from './apiLatency';

export interface SimulatorOptions {
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 9398; 0 = free port. */
  emPort?: number;
  /** Default 4443; 0 = free port. */
  vb365Port?: number;
  /**
   * Backup & Replication REST API port. Default 9419 — or a free port when `emPort` and `vb365Port` are both 0, so the
   * many callers that ask for free ports do not collide on 9419; 0 = free port.
   */
  vbrPort?: number;
  /** The newest revision the Backup & Replication server answers (`1.0-rev1` … `1.3-rev2`); default '1.3-rev2'. */
  vbrRevision?: string;
  /** Backup & Replication sessions (all kinds: jobs, housekeeping, a minority of restores); default 2000. */
  vbrSessionCount?: number;
  /** Backup & Replication access token expires_in; default 900. */
  vbrTokenLifetimeSeconds?: number;
  /** Deterministic data; default 1. */
  seed?: number;
  /** EM sessions; default 300 across 3 backup servers; 10000+ for benchmarks. */
  sessionCount?: number;
  /** Default 150. */
  vb365SessionCount?: number;
  /** Sessions running at start that progress; default 4 per API. */
  runningCount?: number;
  /** Tick of running sessions (default 1000 ms: a running session finishes in ~60–120 s). */
  progressStepMs?: number;
  /** VB365 access token expires_in; default 3600. */
  tokenLifetimeSeconds?: number;
  /** EM logon session idle timeout; default 900. */
  emIdleTimeoutSeconds?: number;
  faults?: Partial<FaultSettings>;
  /**
   * Per server: milliseconds each API holds every response back (server-side, no CPU spent), on top of the fault
   * setting `latencyMs` that applies to all three. Models servers behind links of different length.
   */
  apiLatencyMs?: ApiLatency;
  /**
   * The origin each API names itself by in its hrefs (and Location headers) instead of the address it was reached at,
   * like a server behind a reverse proxy or a port mapping (`https://em01.corp.local:9398`). Default: the request's.
   */
  advertisedOrigins?: { em?: string; vb365?: string; vbr?: string };
}

export interface RunningSimulator {
  /** Origin, e.g. https://127.0.0.1:9398 (the client appends /api). */
  emUrl: string;
  /** Origin, e.g. https://127.0.0.1:4443 (the client appends /v8 etc.). */
  vb365Url: string;
  /** Origin, e.g. https://127.0.0.1:9419 (the client appends /api/oauth2/token, /api/v1/sessions). */
  vbrUrl: string;
  /** http://127.0.0.1:PORT, loopback-only control endpoint. */
  controlUrl: string;
  certificatePem: string;
  /** As Node's X509Certificate.fingerprint256: uppercase hex with colons. */
  fingerprint256: string;
  credentials: { em: SimulatorCredentials; vb365: SimulatorCredentials; vbr: SimulatorCredentials };
  /** Merges into the current settings. */
  setFaults(f: Partial<FaultSettings>): void;
  clearFaults(): void;
  /** Merges per-API latencies (milliseconds, server-side) into the current ones; see `apiLatencyMs`. */
  setApiLatency(latency: ApiLatency): void;
  apiLatency(): Required<ApiLatency>;
  /** Every EM logon session, VB365 access + refresh token and VBR access + refresh token becomes invalid (401). */
  expireAllTokens(): void;
  /**
   * Access tokens (and EM logon sessions) run out as they do after their lifetime, refresh tokens stay good: what a
   * client meets after an idle hour. expireAllTokens is the harsher case of a revocation or a server restart.
   */
  expireAccessTokens(): void;
  /** Closes the listeners and open sockets, then comes back on the same ports after `ms`; resolves when back. */
  goDown(ms: number): Promise<void>;
  /** Requests received since start or the last reset. */
  requestCount(filter?: { api?: 'em' | 'vb365' | 'vbr'; pathIncludes?: string; method?: string }): number;
  resetRequestCount(): void;
  /** The counter itself: requests per request target (which page of a paged read). */
  requestCounter(): Pick<RequestCounter, 'count' | 'targetCounts'>;
  /** Requests per route since start or the last reset: `{ "em GET /api/query": 3, … }` (paths without query). */
  requestsByRoute(): Record<string, number>;
  /** A new running session (GUID) that starts progressing now (for 'vbr' a RestoreVm session). */
  addRunningSession(api: 'em' | 'vb365' | 'vbr', opts?: { name?: string; finalResult?: 'Success' | 'Warning' | 'Failed'; durationSeconds?: number }): string;
  /** TCP connections open right now per API (leak checks: a disposed client leaves none). */
  openConnections(): { em: number; vb365: number; vbr: number };
  /** Every password and token handed out since start (expired ones included), for leak searches. */
  issuedSecrets(): IssuedSecrets;
  /** Sets fields of an existing EM session (hostile names, links); false when there is no such session. */
  overrideSession(id: string, overrides: SessionOverrides): boolean;
  /** A Microsoft 365 session's event log, to change between two reads; undefined when there is no such session. */
  microsoft365Events(id: string): SimulatedEventLog | undefined;
  /** Closes everything; no timers are left behind. */
  stop(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const seed = options.seed ?? 1;
  const runningCount = options.runningCount ?? 4;
  const nowMs = Date.now();
  const dataRandom = new SeededRandom(seed);
  const em = generateEnterpriseManagerData(dataRandom.fork(), options.sessionCount ?? 300, runningCount, nowMs);
  const m365 = generateMicrosoft365Data(dataRandom.fork(), options.vb365SessionCount ?? 150, runningCount, nowMs);
  const runtimeRandom = dataRandom.fork();
  // Backup & Replication draws from streams forked after the others, so EM and VB365 data and runs stay as they were.
  const vbrRevision = options.vbrRevision ?? LATEST_VBR_REVISION;
  if (!isVbrRevision(vbrRevision)) throw new Error(`unknown Backup & Replication revision ${vbrRevision} (1.0-rev1 … ${LATEST_VBR_REVISION})`);
  const vbrTokens = new BackupReplicationTokens(options.vbrTokenLifetimeSeconds ?? 900);
  const vbr = new BackupReplicationServer({
    dataRandom: dataRandom.fork(),
    runtimeRandom: dataRandom.fork(),
    sessionCount: options.vbrSessionCount ?? 2000,
    runningCount,
    nowMs,
    revision: vbrRevision,
    progressStepMs: options.progressStepMs ?? 1000,
    tokens: vbrTokens,
    credentials: DEMO_CREDENTIALS.vbr,
    faults: () => faults,
  });
  const progression = new SessionProgression(em, m365, runtimeRandom, options.progressStepMs ?? 1000);
  const logons = new EnterpriseManagerLogons((options.emIdleTimeoutSeconds ?? 900) * 1000, runtimeRandom);
  const tokens = new Microsoft365Tokens(options.tokenLifetimeSeconds ?? 3600);
  const counter = new RequestCounter();
  let faults: FaultSettings = { ...NO_FAULTS, ...options.faults };
  const latency: Required<ApiLatency> = { em: 0, vb365: 0, vbr: 0, ...checkApiLatency(options.apiLatencyMs ?? {}) };
  const setApiLatency = (l: ApiLatency): void => void Object.assign(latency, checkApiLatency(l));
  const faultRandom = new SeededRandom(seed ^ 0x5eed);
  const certificate = await createCertificate();

  const emApi = createEnterpriseManagerApi({ data: em, logons, credentials: DEMO_CREDENTIALS.em, faults: () => faults });
  const m365Api = createMicrosoft365Api({ data: m365, tokens, credentials: DEMO_CREDENTIALS.vb365, faults: () => faults, random: runtimeRandom, now: Date.now });
  const vbrPort = options.vbrPort ?? (options.emPort === 0 && options.vb365Port === 0 ? 0 : 9419);
  const common = { host, certificatePem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem, faults: () => faults, faultRandom, counter };
  const listeners = [
    new ApiListener({ ...common, api: 'em', latencyMs: () => latency.em, port: options.emPort ?? 9398, handle: advertising(emApi.handle, options.advertisedOrigins?.em), internalError: emApi.internalError }),
    new ApiListener({ ...common, api: 'vb365', latencyMs: () => latency.vb365, port: options.vb365Port ?? 4443, handle: advertising(m365Api.handle, options.advertisedOrigins?.vb365), internalError: m365Api.internalError }),
    new ApiListener({ ...common, api: 'vbr', latencyMs: () => latency.vbr, port: vbrPort, handle: advertising((r) => vbr.handle(r), options.advertisedOrigins?.vbr), internalError: () => vbr.internalError() }),
  ];
  try {
    for (const listener of listeners) await listener.listen();
  } catch (e) {
    await Promise.all(listeners.map((l) => l.close()));
    throw e;
  }
  progression.start();

  // goDown: one outage at a time; a second call waits for the first to finish.
  let outage: Promise<void> = Promise.resolve();
  let comeback: { timer: NodeJS.Timeout; resolve(): void } | undefined;
  let stopped = false;
  const takeDown = (ms: number): { down: Promise<void>; back: Promise<void> } => {
    let markDown!: () => void;
    const down = new Promise<void>((resolve) => (markDown = resolve));
    const back = outage.then(async () => {
      if (stopped) return markDown();
      await Promise.all(listeners.map((l) => l.close()));
      markDown();
      await new Promise<void>((resolve) => {
        comeback = { timer: setTimeout(resolve, ms), resolve };
      });
      comeback = undefined;
      if (!stopped) for (const l of listeners) await l.listen();
    });
    outage = back.catch(() => undefined);
    return { down, back };
  };

  const addRunningSession: RunningSimulator['addRunningSession'] = (api, opts = {}) =>
    api === 'em'
      ? progression.addEnterpriseManager(opts.name, opts.finalResult, opts.durationSeconds)
      : api === 'vb365'
        ? progression.addMicrosoft365(opts.name, opts.finalResult, opts.durationSeconds)
        : vbr.addRunningSession(opts.name, opts.finalResult, opts.durationSeconds);
  const expireAllTokens = (): void => {
    logons.expireAll();
    tokens.expireAll();
    vbrTokens.expireAll();
  };
  const expireAccessTokens = (): void => {
    logons.expireAll();
    tokens.expireAccess();
    vbrTokens.expireAccess();
  };
  const issuedSecrets = (): IssuedSecrets => ({
    passwords: [DEMO_CREDENTIALS.em.password, DEMO_CREDENTIALS.vb365.password, DEMO_CREDENTIALS.vbr.password],
    em: { tokens: logons.issued().map((l) => l.token), logonSessionIds: logons.issued().map((l) => l.sessionId) },
    vb365: { accessTokens: tokens.issued().map((t) => t.accessToken), refreshTokens: tokens.issued().map((t) => t.refreshToken) },
    vbr: { accessTokens: vbrTokens.issued().map((t) => t.accessToken), refreshTokens: vbrTokens.issued().map((t) => t.refreshToken) },
  });
  const overrideSession = (id: string, overrides: SessionOverrides): boolean => {
    const session = em.sessionsById.get(id);
    if (!session) return false;
    applySessionOverrides(session, overrides);
    if (overrides.state !== undefined) progression.forceEnterpriseManagerState(session, overrides.state);
    em.revision++;
    return true;
  };
  const control = await startControlServer({
    issuedSecrets,
    overrideSession,
    appendLogRecords: (id, records) => vbr.appendLogRecords(id, records),
    faults: () => ({ ...faults }),
    setFaults: (f) => (faults = { ...faults, ...f }),
    clearFaults: () => (faults = { ...NO_FAULTS }),
    apiLatency: () => ({ ...latency }),
    setApiLatency,
    expireAllTokens,
    takeDown: (ms) => takeDown(ms).down,
    counter,
    addRunningSession,
  });

  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    emUrl: `https://${urlHost}:${listeners[0].port}`,
    vb365Url: `https://${urlHost}:${listeners[1].port}`,
    vbrUrl: `https://${urlHost}:${listeners[2].port}`,
    controlUrl: control.url,
    certificatePem: certificate.certificatePem,
    fingerprint256: certificate.fingerprint256,
    credentials: { em: { ...DEMO_CREDENTIALS.em }, vb365: { ...DEMO_CREDENTIALS.vb365 }, vbr: { ...DEMO_CREDENTIALS.vbr } },
    setFaults: (f) => (faults = { ...faults, ...f }),
    clearFaults: () => (faults = { ...NO_FAULTS }),
    setApiLatency,
    apiLatency: () => ({ ...latency }),
    expireAllTokens,
    expireAccessTokens,
    goDown: (ms) => takeDown(ms).back,
    requestCount: (filter) => counter.count(filter),
    resetRequestCount: () => counter.reset(),
    requestCounter: () => counter,
    requestsByRoute: () => counter.snapshot(),
    addRunningSession,
    issuedSecrets,
    overrideSession,
    microsoft365Events: (id) => {
      const session = m365.sessionsById.get(id.toLowerCase());
      return session ? simulatedEventLog(session, runtimeRandom, Date.now) : undefined;
    },
    openConnections: () => ({ em: listeners[0].openConnections, vb365: listeners[1].openConnections, vbr: listeners[2].openConnections }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      progression.stop();
      vbr.stop();
      if (comeback) {
        clearTimeout(comeback.timer);
        comeback.resolve();
      }
      await outage;
      await Promise.all([...listeners.map((l) => l.close()), control.close()]);
    },
  };
}

/** A handler that builds its hrefs on `origin` (a server behind a proxy knows itself by its own name and port). */
function advertising(handle: (request: SimRequest) => SimResponse, origin: string | undefined): (request: SimRequest) => SimResponse {
  if (origin === undefined) return handle;
  const advertised = new URL(origin).origin;
  return (request) => handle({ ...request, origin: advertised });
}
