import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Client } from 'undici';
import type { BodyFormat, ServerKind } from '../../src/core/model/restoreSession';
import { floorRow, type BenchResult } from './benchResult';
import { authHeader, benchClient, type RunningSimulator } from './benchSimulator';
import { pairedRatio, summarise, timeRounds } from './measurement';

const TARGET_RATIO = 1.15;

interface LookupCase {
  kind: ServerKind;
  format: BodyFormat;
  path: (id: string) => string;
}

const CASES: LookupCase[] = [
  { kind: 'em', format: 'xml', path: (id) => `/api/restoreSessions/${id}?format=Entity` },
  { kind: 'em', format: 'json', path: (id) => `/api/restoreSessions/${id}?format=Entity` },
  { kind: 'vb365', format: 'json', path: (id) => `/v8/RestoreSessions/${id}` },
];

/**
 * Case 1: `getSession` (request, checks, parse, normalise) against a bare `undici` request of the same URL with the
 * same headers, each on its own warm keep-alive connection to the simulator.
 */
// The parser options that matter for speed, as ours (src/core/parsing/xmlDocument.ts): attributes kept, no path strings.
const bareXml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, parseTagValue: false, jPath: false });

export async function benchLookupOverhead(sim: RunningSimulator, runs: number): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  for (const c of CASES) {
    const { client, tokens } = benchClient(sim, c.kind);
    const origin = c.kind === 'em' ? sim.emUrl : sim.vb365Url;
    const bare = new Client(origin, { connect: { ca: sim.certificatePem } });
    try {
      const id = (await client.listSessions({ page: 1, pageSize: 1 })).sessions[0].id;
      const headers = { accept: c.format === 'xml' ? 'application/xml' : 'application/json', ...authHeader(c.kind, tokens) };
      const path = c.path(id);
      const ours = () => client.getSession(id, { format: c.format });
      let body = '';
      const baseline = async () => {
        const res = await bare.request({ method: 'GET', path, headers });
        body = await res.body.text();
        if (res.statusCode !== 200 || body.length === 0) throw new Error(`bare request answered ${res.statusCode}`);
      };
      // The least any client can do with the answer: the bare request, then the body through the bare parser (for XML
      // with the well-formedness check a client must make, since fast-xml-parser's parser alone accepts broken XML).
      const parseBare = c.format === 'xml' ? (text: string) => XMLValidator.validate(text) === true && bareXml.parse(text) : (text: string) => JSON.parse(text) as unknown;
      const floor = async () => {
        await baseline();
        if (!parseBare(body)) throw new Error('the bare parser refused the body');
      };
      const t = await timeRounds({ ours, baseline, floor }, { runs, warmup: Math.ceil(runs / 5) });
      const ratio = pairedRatio(t.ours, t.baseline);
      rows.push({
        case: '1 lookup',
        metric: `getSession ${c.kind} ${c.format}`,
        value: summarise(t.ours),
        unit: 'ms',
        baseline: { label: 'bare undici.request', value: summarise(t.baseline) },
        ratio,
        target: { description: `≤ ${TARGET_RATIO}×`, met: ratio.median <= TARGET_RATIO },
      });
      rows.push(
        floorRow({
          case: '1 lookup',
          what: c.format === 'xml' ? 'fast-xml-parser validate + parse' : 'JSON.parse',
          baselineLabel: 'bare undici.request',
          times: t,
          oursAdds: 'our client adds beyond the request and the bare parse',
        }),
      );
    } finally {
      await client.dispose();
      await bare.close();
    }
  }
  return rows;
}
