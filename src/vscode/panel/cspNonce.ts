import { randomBytes } from 'crypto';

/** A fresh script nonce for one render of a webview page: 128 bits from the OS CSPRNG. */
export function createCspNonce(): string {
  return randomBytes(16).toString('base64');
}
