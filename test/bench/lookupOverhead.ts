import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Client } from 'undici';
import type { BodyFormat, ServerKind } from '../../src/core/model/restoreSession';
import type { BenchResult } from './benchResult';
import { benchClient, type RunningSimulator } from './benchSimulator';
import { pairedRatio, summarise, timeRounds } from './measurement';
import { captureSentRequests, type SentRequest } from './sentRequests';
import { simulatorUrl } from '../protocol/simulatorFixture';

/** Ours ÷ floor: what our client may add to the least any client must do (issue 16). */
const TARGET_OVER_FLOOR = 1.1;

export interface LookupCase {
  kind: ServerKind;
  format: BodyFormat;
  label: string;
}

/** Every kind and, for Enterprise Manager, both body formats. */
export const LOOKUP_CASES: readonly LookupCase[] = [
  { kind: 'em', format: 'xml', label: 'EM XML' },
  { kind: 'em', format: 'json', label: 'EM JSON' },
  { kind: 'vb365', format: 'json', label: 'Microsoft 365' },
  { kind: 'vbr', format: 'json', label: 'Backup & Replication' },
];

// The parser options that matter for speed, as ours (src/core/parsing/xmlDocument.ts): attributes kept, no path strings.
const bareXml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, parseTagValue: false, jPath: false });

/**
 * The least any client can do with a lookup's answer: the body through the bare parser (for XML with the
 * well-formedness check a client must make, since fast-xml-parser's parser alone accepts broken XML).
 */
export function bareParse(format: BodyFormat): (text: string) => unknown {
  return format === 'xml' ? (text) => XMLValidator.validate(text) === true && bareXml.parse(text) : (text) => JSON.parse(text) as unknown;
}

/** A bare `undici` request replaying `sent` (same path, same headers) on its own warm keep-alive connection. */
export function bareReplay(bare: Client, sent: SentRequest): () => Promise<string> {
  const headers = { ...sent.headers };
  delete headers.host;
  return async () => {
    const res = await bare.request({ method: 'GET', path: sent.path, headers });
    const body = await res.body.text();
    if (res.statusCode !== 200 || body.length === 0) throw new Error(`bare request answered ${res.statusCode}`);
    return body;
  };
}

/**
 * Case 1: `getSession` (request, checks, parse, normalise) against the floor: a bare `undici` request of the same URL
 * with the same headers (captured from ours) plus the bare parse of its body. Each on its own warm connection.
 */
export async function benchLookupOverhead(sim: RunningSimulator, runs: number): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  for (const c of LOOKUP_CASES) {
    const { client } = benchClient(sim, c.kind);
    const bare = new Client(simulatorUrl(sim, c.kind), { connect: { ca: sim.certificatePem } });
    try {
      const id = (await client.listSessions({ page: 1, pageSize: 1 })).sessions[0].id;
      const ours = () => client.getSession(id, { format: c.format });
      const sent = (await captureSentRequests(ours)).filter((r) => r.path.includes(id));
      if (sent.length !== 1) throw new Error(`a warm lookup sent ${sent.length} requests for the session`);
      const request = bareReplay(bare, sent[0]);
      const parse = bareParse(c.format);
      const baseline = () => request();
      const floor = async () => {
        if (!parse(await request())) throw new Error('the bare parser refused the body');
      };
      const t = await timeRounds({ ours, baseline, floor }, { runs, warmup: Math.ceil(runs / 5) });
      rows.push(...overFloorRows({ case: '1 lookup', metric: `getSession ${c.label}`, times: t, parsedWith: c.format === 'xml' ? 'fast-xml-parser validate + parse' : 'JSON.parse', target: TARGET_OVER_FLOOR, bareLabel: 'bare undici.request' }));
    } finally {
      await client.dispose();
      await bare.close();
    }
  }
  return rows;
}

/** Two rows: ours against the floor (held to the target), then the floor against the bare request (for reading). */
export function overFloorRows(row: {
  case: string;
  metric: string;
  times: { ours: number[]; baseline: number[]; floor: number[] };
  parsedWith: string;
  target: number;
  bareLabel: string;
  note?: string;
}): BenchResult[] {
  const { ours, baseline, floor } = row.times;
  const ratio = pairedRatio(ours, floor);
  return [
    {
      case: row.case,
      metric: row.metric,
      value: summarise(ours),
      unit: 'ms',
      baseline: { label: `floor (${row.bareLabel} + ${row.parsedWith})`, value: summarise(floor) },
      ratio,
      target: { description: `≤ ${row.target.toFixed(2)}× floor`, met: ratio.median <= row.target },
      note: row.note,
    },
    {
      case: row.case,
      metric: `  floor ÷ ${row.bareLabel}`,
      value: summarise(floor),
      unit: 'ms',
      baseline: { label: row.bareLabel, value: summarise(baseline) },
      ratio: pairedRatio(floor, baseline),
      note: `ours ÷ ${row.bareLabel} ${pairedRatio(ours, baseline).median.toFixed(2)}×`,
    },
  ];
}
