import * as vscode from 'vscode';
import type { CompletionNotificationSetting } from './monitor/completionTracker';
import type { PollIntervals } from './monitor/pollScheduler';
import type { SessionScope } from '../core/clients/restoreSessionClient';

export const SECTION = 'veeamRestoreSessions';

/** Typed reads of the extension's settings (the servers list lives in servers/serverSettings.ts). */
export function pageSize(): number {
  return clamp(vscode.workspace.getConfiguration(SECTION).get<number>('pageSize', 100), 1, 1000);
}

export function pollIntervals(): PollIntervals {
  const config = vscode.workspace.getConfiguration(SECTION);
  const runningMs = clamp(config.get<number>('polling.runningIntervalSeconds', 5), 1, 300) * 1000;
  const listMs = clamp(config.get<number>('polling.listIntervalSeconds', 30), 5, 3600) * 1000;
  const unfocusedMs = clamp(config.get<number>('polling.unfocusedIntervalSeconds', 60), 5, 3600) * 1000;
  return { runningMs, listMs, unfocusedMs, maxBackoffMs: 5 * 60_000 };
}

export function completionNotificationSetting(): CompletionNotificationSetting {
  const value = vscode.workspace.getConfiguration(SECTION).get<string>('notifications.onCompletion', 'opened');
  return value === 'all' || value === 'off' ? value : 'opened';
}

/** Which sessions of servers that list every kind of session (Backup & Replication) the tree shows. */
export function sessionScope(): SessionScope {
  const value = vscode.workspace.getConfiguration(SECTION).get<string>('sessionScope', 'restores');
  return value === 'restoresAndAdjacent' || value === 'all' ? value : 'restores';
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}
