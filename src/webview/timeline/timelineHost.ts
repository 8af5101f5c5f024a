import type { TimelinePageMessage, TimelineZoom } from '../../shared/timelineProtocol';

/** What the page remembers across hide/show and reloads: view choices only, never session data. */
export interface TimelineUiState {
  zoom: TimelineZoom;
}

/** The part of the webview API this page uses, typed with the timeline's own messages and state. */
export interface TimelineHost {
  postMessage(message: TimelinePageMessage): void;
  /** Unvalidated: whatever an earlier version of this page stored. */
  getState(): unknown;
  setState(state: TimelineUiState): void;
}

/** May be called only once per page load (main.ts does). */
export function connectTimelineHost(): TimelineHost {
  // Looked up on the global object: the session page's script declares the same function with its own types.
  return (globalThis as unknown as { acquireVsCodeApi(): TimelineHost }).acquireVsCodeApi();
}
