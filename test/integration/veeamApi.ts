import * as assert from 'assert';
import * as vscode from 'vscode';
import type { VeeamRestoreSessionsApi } from '../../src/extension';
import { simulatorFromEnvironment, type SimulatorConnection } from '../harness/simulatorConnection';
import { activatedExtension } from './extensionUnderTest';

/** The API object activate() returns: the live registry, store, tree, monitor and panels. */
export async function extensionApi(): Promise<VeeamRestoreSessionsApi> {
  const extension = await activatedExtension();
  const api = extension.exports as VeeamRestoreSessionsApi | undefined;
  assert.ok(api?.registry && api.tree && api.monitor, 'activate() returned no API object');
  return api;
}

/** The simulator the harness started; suites that need it skip without one. */
export function requireSimulator(context: Mocha.Context): SimulatorConnection {
  const simulator = simulatorFromEnvironment();
  if (!simulator) context.skip();
  return simulator as SimulatorConnection;
}

/**
 * Waits until `probe` yields a value. The deadline only bounds a hung run: nothing asserts how fast it happened.
 */
export async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, deadlineMs = 60_000): Promise<T> {
  const start = Date.now();
  let lastError: unknown;
  while (Date.now() - start < deadlineMs) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`gave up waiting for ${what}${lastError instanceof Error ? ` (last error: ${lastError.message})` : ''}`);
}

/** Calls the simulator's loopback control endpoint. */
export async function control(simulator: SimulatorConnection, method: string, path: string): Promise<unknown> {
  const response = await fetch(`${simulator.controlUrl}${path}`, { method });
  assert.ok(response.ok, `${method} ${path} → ${response.status}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Adds a simulator server through the real command (no UI), returns its id. */
export async function addSimulatorServer(simulator: SimulatorConnection, kind: 'em' | 'vb365' | 'vbr', name: string): Promise<string> {
  const credentials = simulator.credentials[kind];
  const id = await vscode.commands.executeCommand<string>('veeamRestoreSessions.addServer', {
    kind,
    url: { em: simulator.emUrl, vb365: simulator.vb365Url, vbr: simulator.vbrUrl }[kind],
    name,
    username: credentials.username,
    password: credentials.password,
    trustFingerprint: simulator.fingerprint256,
  });
  assert.strictEqual(typeof id, 'string', 'addServer did not return the new server id');
  return id;
}

export async function removeServer(id: string | undefined): Promise<void> {
  if (id) await vscode.commands.executeCommand('veeamRestoreSessions.removeServer', { serverId: id, confirm: false });
}
