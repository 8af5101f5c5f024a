// Page script of the Restore Activity panel: connects to the host, says `ready`, draws what the host sends.
import { isTimelineHostMessage } from '../../shared/timelineProtocol';
import { TimelinePage } from './timelinePage';
import { connectTimelineHost } from './timelineHost';

const host = connectTimelineHost();
const root = document.getElementById('app');
if (root) {
  const page = new TimelinePage(root, host);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    // Only the host posts to this page; anything that does not match the protocol is dropped.
    if (isTimelineHostMessage(event.data)) page.handle(event.data);
  });
  host.postMessage({ type: 'ready' });
}
