import { X509Certificate } from 'crypto';
import { generate } from 'selfsigned';

/** A certificate with its key, as a TLS server needs them. */
export interface ServerCertificate {
  certPem: string;
  keyPem: string;
  /** Node form: uppercase hex with colons. */
  fingerprint256: string;
}

const DAY_MS = 24 * 3600 * 1000;

/** The names our local servers answer on (127.0.0.1 in every test). */
const LOCAL_NAMES = [
  { type: 2 as const, value: 'localhost' },
  { type: 7 as const, ip: '127.0.0.1' },
];

interface LeafOptions {
  /** SAN entries; default localhost + 127.0.0.1. */
  altNames?: Array<{ type: 2; value: string } | { type: 7; ip: string }>;
  notBefore?: Date;
  notAfter?: Date;
}

function toServerCertificate(pems: { cert: string; private: string }): ServerCertificate {
  return { certPem: pems.cert, keyPem: pems.private, fingerprint256: new X509Certificate(pems.cert).fingerprint256 };
}

/** A self-signed certificate for the local names, like a freshly installed EM or VB365 server. */
export async function selfSignedCertificate(options: LeafOptions = {}): Promise<ServerCertificate> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: options.notBefore ?? new Date(Date.now() - DAY_MS),
    notAfterDate: options.notAfter ?? new Date(Date.now() + 30 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: options.altNames ?? LOCAL_NAMES },
    ],
  });
  return toServerCertificate(pems);
}

/** A private certificate authority that signs leaf certificates (a company CA the user adds for one server). */
export class TestCertificateAuthority {
  private constructor(
    readonly certPem: string,
    private readonly keyPem: string,
  ) {}

  static async create(name: string): Promise<TestCertificateAuthority> {
    const pems = await generate([{ name: 'commonName', value: name }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(Date.now() - 2 * DAY_MS),
      notAfterDate: new Date(Date.now() + 365 * DAY_MS),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      ],
    });
    return new TestCertificateAuthority(pems.cert, pems.private);
  }

  async issue(options: LeafOptions = {}): Promise<ServerCertificate> {
    const pems = await generate([{ name: 'commonName', value: 'veeam-server' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: options.notBefore ?? new Date(Date.now() - DAY_MS),
      notAfterDate: options.notAfter ?? new Date(Date.now() + 30 * DAY_MS),
      ca: { key: this.keyPem, cert: this.certPem },
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: options.altNames ?? LOCAL_NAMES },
      ],
    });
    return toServerCertificate(pems);
  }
}

export const DAYS = DAY_MS;
