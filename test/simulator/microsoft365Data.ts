import { SeededRandom } from './seededRandom';
import { finishedEndMs, timeSpan, timestamp, usDateTime, type SimTimestamp } from './simulatedTime';

export type M365Type = 'Vex' | 'Veod' | 'Vesp' | 'Vet';
export type M365State = 'Working' | 'Stopped';
export type M365Result = 'Success' | 'Warning' | 'Failed';
export type M365EventStatus = 'Running' | 'Success' | 'Warning' | 'Failed' | 'Cancelled' | 'Skipped';

export interface M365Event {
  id: string;
  type: 'None' | 'Save' | 'Export' | 'Send' | 'Restore' | 'View';
  status: M365EventStatus;
  start: SimTimestamp;
  end?: SimTimestamp;
  duration: string;
  title: string;
  message: string;
  order: number;
  itemName: string | null;
  itemType: string | null;
  itemSizeBytes: number | null;
  source: string | null;
  target: string | null;
}

export interface M365RestoreSession {
  id: string;
  name: string;
  organization: string;
  type: M365Type;
  creation: SimTimestamp;
  end?: SimTimestamp;
  state: M365State;
  result: M365Result;
  initiatedBy: string;
  details: string;
  scopeName: string;
  clientHost: string;
  reason: string;
  eTag: number;
  /** Seed for the events of a finished session, generated on first request (10,000 sessions stay cheap). */
  eventSeed: number;
  /** Materialised events; running sessions always have them (they grow as the session progresses). */
  events?: M365Event[];
}

export interface Microsoft365Data {
  installationId: string;
  /** Oldest first; lists sort on request. */
  sessions: M365RestoreSession[];
  sessionsById: Map<string, M365RestoreSession>;
}

const ORGANIZATIONS = ['simlab.onmicrosoft.com', 'contoso-sim.onmicrosoft.com', 'fabrikam-sim.onmicrosoft.com'];
const SERVICE: Record<M365Type, { label: string; scopes: string[]; itemType: string; items: string[] }> = {
  Vex: { label: 'Exchange', scopes: ['Mailbox', 'Entire organization', 'Folder'], itemType: 'Mail', items: ['Quarterly report', 'RE: Budget 2026', 'Invoice #4711', 'Team lunch'] },
  Veod: { label: 'OneDrive', scopes: ['OneDrive', 'Folder'], itemType: 'Document', items: ['Plan.xlsx', 'Notes.docx', 'Photos/IMG_0042.jpg', 'Slides & Handouts.pptx'] },
  Vesp: { label: 'SharePoint', scopes: ['Site', 'Library', 'List'], itemType: 'ListItem', items: ['Policies.docx', 'Onboarding', 'Contracts/2025', 'Home.aspx'] },
  Vet: { label: 'Teams', scopes: ['Team', 'Channel'], itemType: 'Post', items: ['General', 'Release planning', 'Files/Roadmap.pdf', 'Wiki'] },
};
const INITIATORS = ['SIMLAB\\m365-admin', 'SIMLAB\\helpdesk01', 'contoso-sim.onmicrosoft.com', 'svc-portal@simlab.test'];
const CLIENT_HOSTS = ['ADMIN-PC', 'WS-HELPDESK-01', 'VB365-PROXY (via: 203.0.113.7)', 'VB365-SRV01'];

export function generateMicrosoft365Data(random: SeededRandom, sessionCount: number, runningCount: number, nowMs: number): Microsoft365Data {
  const installationId = random.guid();
  const sessions: M365RestoreSession[] = [];
  const finishedCount = Math.max(0, sessionCount - runningCount);
  for (let i = 0; i < sessionCount; i++) {
    const running = i >= finishedCount;
    // Anchored to the whole second so the same seed gives the same sub-second digits on every run.
    const anchorMs = Math.floor(nowMs / 1000) * 1000;
    const startMs = anchorMs - (running ? random.int(20, 600) : random.int(10 * 60, 28 * 24 * 3600)) * 1000 + random.int(0, 999);
    const session = makeSession(random, startMs);
    if (running) startRunning(session, random, startMs);
    else {
      const result = random.weighted<M365Result>([['Success', 75], ['Warning', 15], ['Failed', 10]]);
      session.end = timestamp(finishedEndMs(startMs, random.int(20, 2 * 3600) * 1000, anchorMs), random.chance(0.85) ? 7 : random.int(3, 6), random.int(0, 9999));
      session.state = 'Stopped';
      session.result = result;
      session.eTag = random.int(3, 40);
      session.details = detailsText(random, result);
    }
    sessions.push(session);
  }
  sessions.sort((a, b) => a.creation.ms - b.creation.ms);
  return { installationId, sessions, sessionsById: new Map(sessions.map((s) => [s.id, s])) };
}

export function addMicrosoft365Session(data: Microsoft365Data, random: SeededRandom, nowMs: number, name?: string): M365RestoreSession {
  const session = makeSession(random, nowMs);
  if (name !== undefined) session.name = name;
  startRunning(session, random, nowMs);
  data.sessions.push(session);
  data.sessionsById.set(session.id, session);
  return session;
}

/** Events of a session, generating a finished session's history on first use. */
export function eventsOf(session: M365RestoreSession): M365Event[] {
  if (!session.events) session.events = historyOf(session);
  return session.events;
}

/** Appends one restored-item event to a running session. */
export function appendItemEvent(session: M365RestoreSession, random: SeededRandom, nowMs: number, status: M365EventStatus): M365Event {
  const events = eventsOf(session);
  const event = itemEvent(session, random, events.length, nowMs - random.int(200, 4000), nowMs, status);
  // A step that runs has no end yet.
  if (status === 'Running') event.end = undefined;
  events.push(event);
  session.eTag++;
  return event;
}

/** A step that ran ends: its status, title, end and duration become final (a server updates the record in place). */
export function settleEvent(event: M365Event, status: Exclude<M365EventStatus, 'Running'>, nowMs: number): void {
  event.status = status;
  event.end = timestamp(nowMs, 7, 0);
  event.duration = timeSpan(Math.max(0, nowMs - event.start.ms));
  if (event.type !== 'Restore') return;
  event.title = itemVerb(status);
  event.message = `${event.title} Item: ${event.itemName ?? ''}. Source: ${event.source ?? ''}. Target: original location.`;
}

/** Ends a session with a final event; `stoppedByUser` when the Stop action ended it. A step still running is cancelled. */
export function finishMicrosoft365Session(session: M365RestoreSession, random: SeededRandom, nowMs: number, result: M365Result, stoppedByUser = false): void {
  const events = eventsOf(session);
  for (const e of events) if (e.status === 'Running') settleEvent(e, 'Cancelled', nowMs);
  session.end = timestamp(nowMs, 7, random.int(0, 9999));
  session.state = 'Stopped';
  session.result = result;
  session.details = detailsText(random, result, events.length - 1);
  session.eTag++;
  events.push({
    ...baseEvent(random, events.length, session.end, session.end, 'None', result === 'Failed' ? 'Failed' : 'Success'),
    title: stoppedByUser ? 'Restore session was stopped by user' : 'Restore session finished',
    message: stoppedByUser ? `Restore session ${session.id} was stopped` : `Restore session ${session.id} finished with result ${result}`,
  });
}

function makeSession(random: SeededRandom, startMs: number): M365RestoreSession {
  const type = random.weighted<M365Type>([['Vex', 40], ['Veod', 25], ['Vesp', 20], ['Vet', 15]]);
  const service = SERVICE[type];
  const creation = timestamp(startMs, random.chance(0.85) ? 7 : random.int(4, 6), random.int(0, 9999));
  return {
    id: random.guid(),
    name: `${service.label} restore (${random.pick(service.scopes)} - ${usDateTime(startMs)})`,
    organization: random.pick(ORGANIZATIONS),
    type,
    creation,
    state: 'Working',
    result: 'Success',
    initiatedBy: random.pick(INITIATORS),
    details: '',
    scopeName: random.chance(0.2) ? 'Restore Portal: HR' : '',
    clientHost: random.pick(CLIENT_HOSTS),
    reason: random.chance(0.4) ? `User request #${random.int(1000, 9999)}` : '',
    eTag: 1,
    eventSeed: random.int(1, 0x7fffffff),
  };
}

function startRunning(session: M365RestoreSession, random: SeededRandom, startMs: number): void {
  session.state = 'Working';
  session.result = 'Success';
  session.end = undefined;
  session.events = [startEvent(random, session, startMs)];
}

function historyOf(session: M365RestoreSession): M365Event[] {
  const random = new SeededRandom(session.eventSeed);
  const events = [startEvent(random, session, session.creation.ms)];
  const endMs = session.end?.ms ?? session.creation.ms;
  const itemCount = random.int(1, 12);
  const step = Math.max(1, Math.floor((endMs - session.creation.ms) / (itemCount + 1)));
  for (let i = 1; i <= itemCount; i++) {
    const status: M365EventStatus =
      session.result === 'Failed' && i === itemCount ? 'Failed' : session.result === 'Warning' && i === itemCount ? 'Warning' : random.chance(0.05) ? 'Skipped' : 'Success';
    events.push(itemEvent(session, random, i, session.creation.ms + step * i, session.creation.ms + step * i + random.int(100, step), status));
  }
  if (session.end) {
    events.push({
      ...baseEvent(random, events.length, session.end, session.end, 'None', session.result === 'Failed' ? 'Failed' : 'Success'),
      title: 'Restore session finished',
      message: `Restore session ${session.id} finished with result ${session.result}`,
    });
  }
  return events;
}

function startEvent(random: SeededRandom, session: M365RestoreSession, startMs: number): M365Event {
  const start = timestamp(startMs, 7, random.int(0, 9999));
  return { ...baseEvent(random, 0, start, start, 'None', 'Success'), title: 'Restore session started', message: `Restore session started for ${session.organization}` };
}

function itemEvent(session: M365RestoreSession, random: SeededRandom, order: number, startMs: number, endMs: number, status: M365EventStatus): M365Event {
  const service = SERVICE[session.type];
  const itemName = random.pick(service.items);
  const verb = itemVerb(status);
  const event = baseEvent(random, order, timestamp(startMs, 7, random.int(0, 9999)), timestamp(endMs, 7, random.int(0, 9999)), 'Restore', status);
  return {
    ...event,
    title: verb,
    message: `${verb} Item: ${itemName}. Source: ${session.organization}. Target: original location.`,
    itemName,
    itemType: service.itemType,
    itemSizeBytes: random.int(2_000, 80_000_000),
    source: session.organization,
    target: 'Original location',
  };
}

function itemVerb(status: M365EventStatus): string {
  switch (status) {
    case 'Running':
      return 'Restoring item.';
    case 'Success':
      return 'Item is successfully restored.';
    case 'Skipped':
      return 'Item was skipped.';
    case 'Warning':
      return 'Item restored with warnings.';
    case 'Cancelled':
      return 'Item restore was cancelled.';
    case 'Failed':
      return 'Failed to restore item.';
  }
}

function baseEvent(random: SeededRandom, order: number, start: SimTimestamp, end: SimTimestamp, type: M365Event['type'], status: M365EventStatus): M365Event {
  return {
    id: random.guid(),
    type,
    status,
    start,
    end,
    duration: timeSpan(end.ms - start.ms),
    title: '',
    message: '',
    order,
    itemName: null,
    itemType: null,
    itemSizeBytes: null,
    source: null,
    target: null,
  };
}

function detailsText(random: SeededRandom, result: M365Result, processed = random.int(1, 400)): string {
  const failed = result === 'Failed' ? Math.max(1, Math.floor(processed / 5)) : 0;
  const warnings = result === 'Warning' ? Math.max(1, Math.floor(processed / 10)) : 0;
  const success = Math.max(0, processed - failed - warnings);
  const parts = [`${success} success`];
  if (warnings) parts.push(`${warnings} warning`);
  if (failed) parts.push(`${failed} failed`);
  return `${processed} items processed (${parts.join(', ')})`;
}
