// Page script of the restore-session panel: connects to the host, says `ready`, renders what the host sends.
import { isHostMessage } from '../shared/sessionPanelProtocol';
import { SessionPage } from './sessionPage';
import { connectToHost } from './vscodeApi';

const host = connectToHost();
const root = document.getElementById('app');
if (root) {
  const page = new SessionPage(root, host);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    // Only the host posts to this page; anything that does not match the protocol is dropped.
    if (isHostMessage(event.data)) page.handle(event.data);
  });
  host.postMessage({ type: 'ready' });
}
