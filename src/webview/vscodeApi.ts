import type { PageMessage, PanelPersistedState } from '../shared/sessionPanelProtocol';

/** The part of the webview API this page uses, typed with our own messages and state. */
export interface PageHost {
  postMessage(message: PageMessage): void;
  /** Unvalidated: whatever an earlier version of this page stored. */
  getState(): unknown;
  setState(state: PanelPersistedState): void;
}

declare function acquireVsCodeApi(): PageHost;

/** May be called only once per page load, so main.ts calls it and passes the result around. */
export function connectToHost(): PageHost {
  return acquireVsCodeApi();
}
