import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface SimulatorCertificate {
  certificatePem: string;
  privateKeyPem: string;
  /** Uppercase hex with colons, as `X509Certificate.fingerprint256`. */
  fingerprint256: string;
}

/** A fresh self-signed certificate per start, like a Linux EM or a VB365 wizard-generated one. */
export async function createCertificate(): Promise<SimulatorCertificate> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return {
    certificatePem: pems.cert,
    privateKeyPem: pems.private,
    fingerprint256: new X509Certificate(pems.cert).fingerprint256,
  };
}
