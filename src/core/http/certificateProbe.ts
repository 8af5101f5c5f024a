import * as net from 'net';
import * as tls from 'tls';
import { VeeamError } from '../errors';
import { translateTransportError } from './transportErrors';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Node format: uppercase hex with colons. */
  fingerprint256: string;
  subjectAltName?: string;
  /** true when the system CAs (plus the given CA, if any) already trust it for this host */
  trusted: boolean;
  authorizationError?: string;
  pem: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Connects without trusting anything, reads the certificate the server presents and says whether the
 * normal verification would accept it. Used to show a certificate to the user before they pin it.
 */
export function probeCertificate(url: string, options: { timeoutMs?: number; signal?: AbortSignal; caPem?: string } = {}): Promise<CertificateInfo> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(new VeeamError('invalidInput', `"${url}" is not a URL.`));
  }
  if (target.protocol !== 'https:') return Promise.reject(new VeeamError('invalidInput', 'Only https:// servers have a certificate to check.'));
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(target.port || 443);
  const signal = options.signal;
  if (signal?.aborted) return Promise.reject(translateTransportError(signal.reason, { url: target.origin, signal }));

  return new Promise<CertificateInfo>((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      // SNI is only allowed for names, not IP addresses.
      servername: net.isIP(host) ? undefined : host,
      // Inspect, don't trust: verification is reported in `trusted`, not enforced.
      rejectUnauthorized: false,
      ca: options.caPem ? [...tls.rootCertificates, options.caPem] : undefined,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    const onAbort = (): void => fail(signal?.reason);
    const finish = (): void => {
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
    };
    const fail = (e: unknown): void => {
      finish();
      reject(translateTransportError(e, { url: target.origin, signal }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('timeout', () => {
      const e = Object.assign(new Error('connect timeout'), { code: 'UND_ERR_CONNECT_TIMEOUT' });
      fail(e);
    });
    socket.once('error', fail);
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      if (!cert || !cert.raw) {
        fail(new VeeamError('tlsUntrusted', `${target.host} presented no certificate.`));
        return;
      }
      const authorizationError = socket.authorizationError ? String(socket.authorizationError) : undefined;
      const info: CertificateInfo = {
        subject: distinguishedName(cert.subject),
        issuer: distinguishedName(cert.issuer),
        validFrom: cert.valid_from,
        validTo: cert.valid_to,
        fingerprint256: cert.fingerprint256,
        trusted: socket.authorized,
        pem: toPem(cert.raw),
      };
      if (cert.subjectaltname) info.subjectAltName = cert.subjectaltname;
      if (authorizationError) info.authorizationError = authorizationError;
      finish();
      resolve(info);
    });
  });
}

function distinguishedName(name: tls.Certificate | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
