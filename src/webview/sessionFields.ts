import type { SessionLink, SessionProgressDetails } from '../core/model/restoreSession';
import type { PanelSession } from '../shared/sessionPanelProtocol';
import { formatDuration, sessionElapsedMs } from '../shared/duration';
import { resultText, stateLabel } from '../shared/sessionLabels';
import { untranslated } from '../shared/translate';
import { displaySessionTime } from './displayTime';
import { h, replaceChildren, setText } from './elements';

/** The Overview tab: a description list of the known fields, and the session's related links. */
export class SessionFields {
  private readonly list = h('dl', { className: 'fields', testId: 'fields' });
  private readonly duration = h('dd', { testId: 'duration' });
  private readonly links = h('ul', { className: 'links', testId: 'links' });
  private readonly linksSection = h('section', { className: 'links-section' }, h('h2', {}, 'Related resources'), this.links);
  private readonly whyFailedRow = h('div', { className: 'why-failed', testId: 'why-failed', attrs: { role: 'note' } });
  readonly element = h('div', {}, this.whyFailedRow, this.list, this.linksSection);
  private session: PanelSession | undefined;

  constructor(private readonly openLink: (href: string) => void) {
    this.whyFailedRow.hidden = true;
  }

  render(session: PanelSession): void {
    this.session = session;
    const rows: Array<[string, string | undefined]> = [
      ['Type', session.type ? `${session.typeLabel} (${session.type})` : session.typeLabel],
      ['Platform', session.platform === 'unknown' ? undefined : session.platform],
      ['State', stateLabel(session, untranslated)],
      ['Result', resultText(session, untranslated)],
      ['Message', session.resultMessage],
      ['Stopped by a user', session.isCanceled ? 'Yes' : undefined],
      ['Created', displaySessionTime(session.creationTime, session.creationTimeLocal)],
      ['Ended', displaySessionTime(session.endTime, session.endTimeLocal)],
    ];
    const after: Array<[string, string | undefined]> = [
      ['Restored object', session.restoredObject],
      ['VM', session.vmDisplayName],
      ['Organization', session.organization],
      ['Initiated by', session.initiatedBy],
      ['Reason', session.reason],
      ['Client host', session.clientHost],
      ['Scope', session.scopeName],
      ['Details', session.details],
      ['Resource', session.resourceReference ?? session.resourceId],
      ['Parent session', session.parentSessionId],
      ['Job ID', session.jobId],
      ...progressRows(session.progressDetails),
      ['ID', session.id],
      ['UID', session.uidSynthetic ? undefined : session.uid],
    ];
    replaceChildren(this.list);
    for (const [label, value] of rows) this.addRow(label, value);
    this.list.append(h('dt', {}, 'Duration'), this.duration);
    for (const [label, value] of after) this.addRow(label, value);
    this.tick(Date.now());
    this.renderLinks(session.links);
  }

  /** The first failed log record of a failed session, above the fields: why it failed, in the server's words. */
  setWhyFailed(text: string | undefined): void {
    this.whyFailedRow.hidden = !text;
    replaceChildren(this.whyFailedRow, ...(text ? [h('strong', {}, 'Why it failed: '), text] : []));
  }

  /** Recomputes the duration from creationTime: the page ticks it every second while the session runs. */
  tick(now: number): void {
    if (!this.session) return;
    const elapsed = sessionElapsedMs(this.session, now);
    setText(this.duration, elapsed === undefined ? '—' : formatDuration(elapsed));
  }

  private addRow(label: string, value: string | undefined): void {
    if (value === undefined || value === '') return;
    this.list.append(h('dt', {}, label), h('dd', {}, value));
  }

  private renderLinks(links: SessionLink[]): void {
    // The host checks every href again (session's own link, configured server's origin) before opening it.
    const openable = links.filter((l) => /^https?:\/\//i.test(l.href));
    this.linksSection.hidden = openable.length === 0;
    replaceChildren(
      this.links,
      ...openable.map((link) => {
        const label = [link.rel, link.type, link.name].filter(Boolean).join(' · ');
        const open = h('button', { className: 'link-button', testId: 'related-link', attrs: { type: 'button', title: link.href } }, label);
        open.addEventListener('click', () => this.openLink(link.href));
        return h('li', {}, open);
      }),
    );
  }
}

/** Backup & Replication's progress figures (1.3-rev2), as the server words them; sizes in bytes made readable. */
function progressRows(progress: SessionProgressDetails | undefined): Array<[string, string | undefined]> {
  if (!progress) return [];
  return [
    ['Server-side duration', progress.duration],
    ['Processing rate', progress.processingRate],
    ['Bottleneck', progress.bottleneck],
    ['Processed', byteSize(progress.processedSize)],
    ['Read', byteSize(progress.readSize)],
    ['Transferred', byteSize(progress.transferredSize)],
  ];
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

function byteSize(bytes: number | undefined): string | undefined {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return undefined;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${UNITS[unit]}`;
}
