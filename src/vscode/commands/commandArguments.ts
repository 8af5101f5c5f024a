import { isSessionRef, type SessionRef } from '../sessionRef';

/** Server id from a tree node (ServerNode has `server`, state nodes have `parent`) or a `{ serverId }` argument. */
export function serverIdOf(arg: unknown): string | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const v = arg as { serverId?: unknown; server?: { id?: unknown }; parent?: { server?: { id?: unknown } } };
  if (typeof v.serverId === 'string') return v.serverId;
  if (typeof v.server?.id === 'string') return v.server.id;
  if (typeof v.parent?.server?.id === 'string') return v.parent.server.id;
  return undefined;
}

/** A SessionRef from a SessionNode, a webview message or a test. */
export function sessionRefOf(arg: unknown): SessionRef | undefined {
  return isSessionRef(arg) ? { serverId: arg.serverId, sessionId: arg.sessionId } : undefined;
}

/**
 * An argument written as an object literal (by a caller, a test, a `command:` link), not a tree node: VS Code passes
 * the focused tree node (and the selection) to view title actions, and those must not read as options.
 */
export function isPlainArgument(arg: unknown): arg is Record<string, unknown> {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return false;
  const prototype: unknown = Object.getPrototypeOf(arg);
  return prototype === Object.prototype || prototype === null;
}
