import * as tls from 'tls';
import type { buildConnector as BuildConnector } from 'undici';
import { VeeamError } from '../errors';
import type { TlsTrust } from '../model/serverConfig';
import { displayFingerprint, sameFingerprint } from './certificateFingerprint';
import { buildConnector } from './undiciPool';

/**
 * An undici connector that applies one server's trust setting. Node verifies nothing on its own here
 * (rejectUnauthorized: false); the callback decides on the finished handshake, so the presented
 * certificate is at hand for the error message (its fingerprint is what the user needs to pin it).
 * No global state (NODE_TLS_REJECT_UNAUTHORIZED, global agents) is touched.
 */
export function buildTrustingConnector(trust: TlsTrust, connectTimeoutMs: number): BuildConnector.connector {
  const connector = buildConnector({
    rejectUnauthorized: false,
    timeout: connectTimeoutMs,
    // No TLS session resumption: a resumed session shows no peer certificate to check (and the pool keeps
    // its connections open anyway, so full handshakes are rare).
    maxCachedSessions: 0,
    // 'ca' adds to the system roots: Node's `ca` option replaces them otherwise.
    ca: trust.mode === 'ca' ? [...tls.rootCertificates, trust.caPem] : undefined,
  });
  return (options, callback) => {
    connector(options, (err, socket) => {
      if (err || !socket) {
        callback(err ?? new Error('no socket'), null);
        return;
      }
      const problem = socket instanceof tls.TLSSocket ? verify(socket, trust, options.hostname, options.port) : undefined;
      if (problem) {
        socket.destroy();
        callback(problem, null);
        return;
      }
      callback(null, socket);
    });
  };
}

function verify(socket: tls.TLSSocket, trust: TlsTrust, hostname: string, port: string): VeeamError | undefined {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  const where = port ? `${hostname}:${port}` : hostname;
  const cert = socket.getPeerCertificate();
  if (!cert || !cert.raw) return new VeeamError('tlsUntrusted', `${where} presented no TLS certificate.`);
  const presented = cert.fingerprint256;

  if (trust.mode === 'fingerprint') {
    if (!sameFingerprint(presented, trust.sha256)) {
      return new VeeamError(
        'certificateChanged',
        `The certificate of ${where} has changed. Expected SHA-256 ${displayFingerprint(trust.sha256)}, but the server presented ${presented}. ` +
          'If the server got a new certificate, confirm the new fingerprint with its administrator and trust it again; otherwise someone may be intercepting the connection.',
        { fingerprint: presented, expectedFingerprint: displayFingerprint(trust.sha256), detail: `subject ${cert.subject?.CN ?? '?'}` },
      );
    }
    // The pin replaces the CA check, not the name check.
    const nameError = tls.checkServerIdentity(host, cert);
    if (nameError) return untrusted(where, presented, `it is issued for another host name (${cert.subjectaltname ?? cert.subject?.CN ?? 'unknown'})`, String(nameError.message));
    return undefined;
  }

  if (socket.authorized) return undefined;
  const reason = String(socket.authorizationError ?? 'unknown reason');
  return untrusted(where, presented, describe(reason), reason);
}

function untrusted(where: string, fingerprint: string, why: string, detail: string): VeeamError {
  return new VeeamError(
    'tlsUntrusted',
    `The certificate of ${where} is not trusted: ${why}. Its SHA-256 fingerprint is ${fingerprint}. ` +
      'Compare it with the one shown on the server, then trust this certificate (pin the fingerprint) or add the CA that issued it.',
    { fingerprint, detail },
  );
}

function describe(code: string): string {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'it is self-signed';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'it is issued by an unknown certificate authority';
    case 'CERT_HAS_EXPIRED':
      return 'it has expired';
    case 'CERT_NOT_YET_VALID':
      return 'it is not valid yet';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'it is issued for another host name';
    default:
      return code;
  }
}
