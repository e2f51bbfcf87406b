/**
 * What Go's tls.X509KeyPair says of a certificate and key before `kubectl create secret tls`
 * stores them: PEM blocks of the right types, DER that opens as an ASN.1 SEQUENCE. Whether
 * the key matches the certificate is not checked (that needs the real cryptography).
 */
import { Base64Error, decodeBase64 } from '../../sim/core/base64';

interface PemBlock {
  type: string;
  der: Uint8Array;
}

/** pem.Decode, block after block (a block whose body is not base64 is skipped, as Go does). */
function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(/-----BEGIN ([^\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/g)) {
    const body = m[2].split(/\r?\n/).filter((l) => !l.includes(':')).join('');
    try {
      blocks.push({ type: m[1], der: decodeBase64(body) });
    } catch (e) {
      if (!(e instanceof Base64Error)) throw e;
    }
  }
  return blocks;
}

const isKeyType = (type: string) => type === 'PRIVATE KEY' || type.endsWith(' PRIVATE KEY');
const isSequence = (der: Uint8Array) => der.length > 1 && der[0] === 0x30;

/** The error text, or undefined when the pair would load. */
export function checkKeyPair(certPem: string, keyPem: string): string | undefined {
  const certBlocks = pemBlocks(certPem);
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE');
  if (certs.length === 0) {
    const skipped = certBlocks.map((b) => b.type);
    if (skipped.length === 0) return 'tls: failed to find any PEM data in certificate input';
    if (skipped.length === 1 && skipped[0].endsWith('PRIVATE KEY')) return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched';
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`;
  }
  const keyBlocks = pemBlocks(keyPem);
  const keyIndex = keyBlocks.findIndex((b) => isKeyType(b.type));
  if (keyIndex < 0) {
    const skipped = keyBlocks.map((b) => b.type);
    if (skipped.length === 0) return 'tls: failed to find any PEM data in key input';
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') return 'tls: found a certificate rather than a key in the PEM for the private key';
    return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`;
  }
  if (!isSequence(certs[0].der)) return 'x509: malformed certificate';
  if (!isSequence(keyBlocks[keyIndex].der)) return 'tls: failed to parse private key';
  return undefined;
}
