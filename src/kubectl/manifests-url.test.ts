import { describe, expect, it } from 'vitest';
import { EMPTY_WORKSPACE } from '../runner/exec';
import { readManifests } from './manifests';

describe('-f with a URL', () => {
  it('reads the files the playground serves, and answers 404 for any other address', () => {
    const r = readManifests(['https://k8s.io/examples/pods/resource/cpu-request-limit.yaml', 'https://example.com/x.yaml'], EMPTY_WORKSPACE, undefined);
    expect(r.objects.map((o) => (o.object.metadata as { name: string }).name)).toEqual(['cpu-demo']);
    expect(r.objects[0].source).toBe('https://k8s.io/examples/pods/resource/cpu-request-limit.yaml');
    expect(r.errors).toEqual(['unable to read URL "https://example.com/x.yaml", server reported 404 Not Found, status code=404']);
  });
});
