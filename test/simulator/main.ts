import { parseArgs } from 'node:util';
import { startSimulator, type FaultSettings, type SimulatorOptions } from './simulator';

/** CLI: `npm run simulator -- --em-port 0 --large --latency 200` and so on. */
const USAGE = `Usage: npm run simulator -- [options]
  --host <addr>             listen address (default 127.0.0.1)
  --em-port <n>             Enterprise Manager port (default 9398, 0 = free port)
  --vb365-port <n>          Microsoft 365 port (default 4443, 0 = free port)
  --vbr-port <n>            Backup & Replication port (default 9419, 0 = free port;
                            free by default when --em-port and --vb365-port are both 0)
  --vbr-revision <rev>      newest Backup & Replication API revision served (default 1.3-rev2)
  --seed <n>                data seed (default 1)
  --sessions <n>            EM restore sessions (default 300)
  --vb365-sessions <n>      VB365 restore sessions (default 150)
  --vbr-sessions <n>        Backup & Replication sessions, all kinds (default 2000)
  --large                   10,000 sessions on each API
  --running <n>             running sessions per API at start (default 4)
  --progress-step <ms>      tick of running sessions (default 1000)
  --token-lifetime <s>      VB365 expires_in (default 3600)
  --vbr-token-lifetime <s>  Backup & Replication expires_in (default 900)
  --idle-timeout <s>        EM logon idle timeout (default 900)
  --latency <ms>            added before every response
  --em-latency <ms>         added before every Enterprise Manager response (per server, on top of --latency)
  --vb365-latency <ms>      the same for Microsoft 365
  --vbr-latency <ms>        the same for Backup & Replication
  --error-rate <0..1>       500 with a Veeam error body
  --reset-rate <0..1>       connection reset without a response
  --truncate-rate <0..1>    body cut in half
  --malformed-rate <0..1>   XML/JSON made invalid
  --html502-rate <0..1>     HTML 502 page (reverse proxy)
  --html200-rate <0..1>     HTML page with status 200
  --bom                     UTF-8 BOM before EM bodies
  --camel-case              EM JSON keys camelCase (EM 13)
  --throttle-tokens         VB365 /token answers 429
  --vb365-sorted-lists      VB365 v1–v7 lists newest first (default: no order, as documented)
  --vbr-list-supported-revisions  VBR's 400 for an unsupported x-api-version lists the supported ones
  --vbr-refuse-stop         VBR answers session stop with 403 (no StopSessions right)
  --em-advertised-origin <url>     origin EM names itself by in hrefs (as behind a reverse proxy)
  --vb365-advertised-origin <url>  the same for Microsoft 365
  --vbr-advertised-origin <url>    the same for Backup & Replication (it sends no absolute URLs)
`;

function numberFlag(values: Record<string, string | boolean | undefined>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      'em-port': { type: 'string' },
      'vb365-port': { type: 'string' },
      'vbr-port': { type: 'string' },
      'vbr-revision': { type: 'string' },
      'vbr-sessions': { type: 'string' },
      'vbr-token-lifetime': { type: 'string' },
      'vbr-list-supported-revisions': { type: 'boolean' },
      'vbr-refuse-stop': { type: 'boolean' },
      'vbr-advertised-origin': { type: 'string' },
      seed: { type: 'string' },
      sessions: { type: 'string' },
      'vb365-sessions': { type: 'string' },
      large: { type: 'boolean' },
      running: { type: 'string' },
      'progress-step': { type: 'string' },
      'token-lifetime': { type: 'string' },
      'idle-timeout': { type: 'string' },
      latency: { type: 'string' },
      'em-latency': { type: 'string' },
      'vb365-latency': { type: 'string' },
      'vbr-latency': { type: 'string' },
      'error-rate': { type: 'string' },
      'reset-rate': { type: 'string' },
      'truncate-rate': { type: 'string' },
      'malformed-rate': { type: 'string' },
      'html502-rate': { type: 'string' },
      'html200-rate': { type: 'string' },
      bom: { type: 'boolean' },
      'camel-case': { type: 'boolean' },
      'throttle-tokens': { type: 'boolean' },
      'vb365-sorted-lists': { type: 'boolean' },
      'em-advertised-origin': { type: 'string' },
      'vb365-advertised-origin': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const faults: Partial<FaultSettings> = {};
  const rate = (flag: string, key: keyof FaultSettings): void => {
    const n = numberFlag(values, flag);
    if (n !== undefined) Object.assign(faults, { [key]: n });
  };
  rate('latency', 'latencyMs');
  rate('error-rate', 'errorRate');
  rate('reset-rate', 'resetRate');
  rate('truncate-rate', 'truncateRate');
  rate('malformed-rate', 'malformedRate');
  rate('html502-rate', 'html502Rate');
  rate('html200-rate', 'htmlOk200Rate');
  if (values.bom) faults.bom = true;
  if (values['camel-case']) faults.camelCaseJson = true;
  if (values['throttle-tokens']) faults.throttleTokens = true;
  if (values['vb365-sorted-lists']) faults.vb365SortedLists = true;
  if (values['vbr-list-supported-revisions']) faults.vbrListSupportedRevisions = true;
  if (values['vbr-refuse-stop']) faults.vbrRefuseStop = true;

  const options: SimulatorOptions = {
    host: values.host,
    emPort: numberFlag(values, 'em-port'),
    vb365Port: numberFlag(values, 'vb365-port'),
    vbrPort: numberFlag(values, 'vbr-port'),
    vbrRevision: values['vbr-revision'],
    vbrSessionCount: numberFlag(values, 'vbr-sessions') ?? (values.large ? 10000 : undefined),
    vbrTokenLifetimeSeconds: numberFlag(values, 'vbr-token-lifetime'),
    seed: numberFlag(values, 'seed'),
    sessionCount: numberFlag(values, 'sessions') ?? (values.large ? 10000 : undefined),
    vb365SessionCount: numberFlag(values, 'vb365-sessions') ?? (values.large ? 10000 : undefined),
    runningCount: numberFlag(values, 'running'),
    progressStepMs: numberFlag(values, 'progress-step'),
    tokenLifetimeSeconds: numberFlag(values, 'token-lifetime'),
    emIdleTimeoutSeconds: numberFlag(values, 'idle-timeout'),
    faults,
    apiLatencyMs: { em: numberFlag(values, 'em-latency') ?? 0, vb365: numberFlag(values, 'vb365-latency') ?? 0, vbr: numberFlag(values, 'vbr-latency') ?? 0 },
    advertisedOrigins: { em: values['em-advertised-origin'], vb365: values['vb365-advertised-origin'], vbr: values['vbr-advertised-origin'] },
  };
  const sim = await startSimulator(options);
  const lines = [
    'Veeam simulator running (self-signed certificate, trust it by fingerprint)',
    `  Enterprise Manager   ${sim.emUrl}/api/    user ${sim.credentials.em.username}  password ${sim.credentials.em.password}`,
    `  Microsoft 365        ${sim.vb365Url}/v8/   user ${sim.credentials.vb365.username}  password ${sim.credentials.vb365.password}`,
    `  Backup & Replication ${sim.vbrUrl}/api/v1/   user ${sim.credentials.vbr.username}  password ${sim.credentials.vbr.password}`,
    `  SHA-256 fingerprint  ${sim.fingerprint256}`,
    `  Control endpoint     ${sim.controlUrl}  (GET/POST/DELETE /faults, GET/POST /latency, POST /expire-tokens, POST /down?ms=, GET /requests, POST /sessions?api=em|vb365|vbr)`,
    'Press Ctrl+C to stop.',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  const ready = {
    emUrl: sim.emUrl,
    vb365Url: sim.vb365Url,
    vbrUrl: sim.vbrUrl,
    controlUrl: sim.controlUrl,
    fingerprint256: sim.fingerprint256,
    certificatePem: sim.certificatePem,
    credentials: sim.credentials,
  };
  process.stdout.write(`SIMULATOR_READY ${JSON.stringify(ready)}\n`);

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    sim.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('simulator stop failed:', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.stderr.write(USAGE);
  process.exit(2);
});
