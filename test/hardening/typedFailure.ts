import * as assert from 'assert';
import { isVeeamError, type VeeamError, type VeeamErrorCode } from '../../src/core/errors';
import { secretStrings } from './scriptedSignIn';

/** Longest user-facing message we accept: a notification, not a dump. */
export const MAX_MESSAGE_LENGTH = 800;

/** The failure is a VeeamError with this code and a message fit for a user: one line, bounded, no stack, no secret. */
export function assertReadableVeeamError(e: unknown, code: VeeamErrorCode, extraSecrets: readonly string[] = []): VeeamError {
  assert.ok(isVeeamError(e), `expected VeeamError(${code}), got ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 300)}` : String(e).slice(0, 300)}`);
  assert.strictEqual(e.code, code, `expected ${code}, got ${e.code}: ${e.message.slice(0, 300)}`);
  assertUserReadable(e, extraSecrets);
  return e;
}

export function assertUserReadable(e: VeeamError, extraSecrets: readonly string[] = []): void {
  assert.ok(e.message.length > 10 && e.message.length <= MAX_MESSAGE_LENGTH, `message length ${e.message.length}: ${e.message.slice(0, 200)}`);
  assert.ok(!/[\r\n]/.test(e.message), `message spans lines: ${e.message.slice(0, 200)}`);
  assert.ok(!/\n\s+at |\bat .+\.js:\d+/.test(e.message), `message carries a stack: ${e.message.slice(0, 200)}`);
  const log = e.toLogString();
  assert.ok(log.length <= MAX_MESSAGE_LENGTH * 4, `log line length ${log.length}`);
  for (const secret of [...secretStrings(), ...extraSecrets]) {
    assert.ok(!e.message.includes(secret), `the message leaks a secret: ${e.message}`);
    assert.ok(!log.includes(secret), `the log line leaks a secret: ${log}`);
    assert.ok(!(e.veeamMessage ?? '').includes(secret), 'veeamMessage leaks a secret');
  }
}

/** Awaits a promise that must fail with this VeeamError code. */
export async function expectReadableFailure(promise: Promise<unknown>, code: VeeamErrorCode, extraSecrets: readonly string[] = []): Promise<VeeamError> {
  try {
    await promise;
  } catch (e) {
    return assertReadableVeeamError(e, code, extraSecrets);
  }
  assert.fail(`expected VeeamError(${code}), but it resolved`);
}

/** Runs a parser call that must fail with this code. */
export function expectReadableThrow(fn: () => unknown, code: VeeamErrorCode, extraSecrets: readonly string[] = []): VeeamError {
  try {
    fn();
  } catch (e) {
    return assertReadableVeeamError(e, code, extraSecrets);
  }
  assert.fail(`expected VeeamError(${code}), but it returned`);
}

/** Object.prototype exactly as it was: no key added by a hostile body. */
export function assertNoPrototypePollution(): void {
  const probe = {} as Record<string, unknown>;
  assert.strictEqual(probe.polluted, undefined, 'Object.prototype was polluted');
  assert.deepStrictEqual(Object.getOwnPropertyNames(Object.prototype).sort(), PRISTINE_PROTOTYPE_KEYS);
  assert.strictEqual(Object.getPrototypeOf(probe), Object.prototype);
}

const PRISTINE_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
