import { describe, expect, it } from 'vitest';
import { genericImage, genericServer } from './generic';
import { parseImageRef } from './reference';

describe('the generic app', () => {
  it('derives size and digest from the full reference, the same every time', () => {
    const v1 = genericImage(parseImageRef('vinsdocker/k8s-app:v1'));
    const v2 = genericImage(parseImageRef('vinsdocker/k8s-app:v2'));
    const again = genericImage(parseImageRef('vinsdocker/k8s-app:v1'));
    expect([again.sizeBytes, again.digest]).toEqual([v1.sizeBytes, v1.digest]);
    expect(v1.repository).toBe('docker.io/vinsdocker/k8s-app');
    expect(v1.tag).toBe('v1');
    expect(v1.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(v2.digest).not.toBe(v1.digest);
    expect(v2.sizeBytes).not.toBe(v1.sizeBytes);
    for (const img of [v1, v2]) {
      expect(img.sizeBytes).toBeGreaterThanOrEqual(20_000_000);
      expect(img.sizeBytes).toBeLessThan(260_000_000);
    }
  });

  it('keeps a pinned digest as its image ID', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const img = genericImage(parseImageRef(`quay.io/x/y@${digest}`));
    expect(img.digest).toBe(digest);
    expect(img.tag).toBe('latest');
  });

  it('listens on the declared ports and names the image in its log and its page', () => {
    const server = genericServer('docker.io/vinsdocker/k8s-app:v1');
    expect(server.ports).toBe('declared');
    expect(server.startup('v1', [8080])).toEqual([[0, 'Kubeplay stand-in for docker.io/vinsdocker/k8s-app:v1: listening on port 8080']]);
    expect(server.startup('v1', [80, 443])[0][1]).toContain('listening on ports 80, 443');
    expect(server.startup('v1', [])[0][1]).toContain('running (no container ports declared)');
    const answer = server.http!('/anything');
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/html');
    expect(answer.body).toContain('<h1>docker.io/vinsdocker/k8s-app:v1</h1>');
  });
});
