/** Lower-case hex without separators: the form two fingerprints are compared in. */
export function normaliseFingerprint(fingerprint: string): string {
  return fingerprint.replace(/^sha-?256[:/ ]*/i, '').replace(/[^0-9a-f]/gi, '').toLowerCase();
}

/** Node's display form (`AB:CD:…`), whatever form the input had. */
export function displayFingerprint(fingerprint: string): string {
  const hex = normaliseFingerprint(fingerprint).toUpperCase();
  return hex.match(/.{1,2}/g)?.join(':') ?? '';
}

export function sameFingerprint(a: string, b: string): boolean {
  const x = normaliseFingerprint(a);
  return x.length === 64 && x === normaliseFingerprint(b);
}
