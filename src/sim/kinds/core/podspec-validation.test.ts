import { describe, expect, it } from 'vitest';
import type { PodSpec } from 'kubernetes-types/core/v1';
import { renderFieldError } from '../../api/errors';
import { defaultPodOnly, defaultPodSpec } from './podspec-defaults';
import { validatePodSpec } from './podspec-validation';

/** A Pod's spec as the api-server sees it: defaulted first, then validated. */
function errors(container: Record<string, unknown>, extra: Partial<PodSpec> = {}): string[] {
  const spec = { containers: [{ name: 'app', image: 'nginx', ...container }], ...extra } as PodSpec;
  defaultPodSpec(spec);
  defaultPodOnly(spec);
  return validatePodSpec(spec, 'spec').map(renderFieldError);
}

const C = 'spec.containers[0]';

describe('probes (validateProbe and friends)', () => {
  it('needs exactly one handler; every extra one is forbidden', () => {
    expect(errors({ livenessProbe: { periodSeconds: 5 } })).toEqual([`${C}.livenessProbe: Required value: must specify a handler type`]);
    expect(errors({ readinessProbe: { exec: { command: ['true'] }, httpGet: { port: 80 }, tcpSocket: { port: 80 } } })).toEqual([
      `${C}.readinessProbe.httpGet: Forbidden: may not specify more than 1 handler type`,
      `${C}.readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type`,
    ]);
  });

  it('checks the action: exec command, ports by number or IANA name, http scheme and headers', () => {
    expect(errors({ readinessProbe: { exec: {} } })).toEqual([`${C}.readinessProbe.exec.command: Required value`]);
    expect(errors({ readinessProbe: { httpGet: { port: 70000 } } })).toEqual([
      `${C}.readinessProbe.httpGet.port: Invalid value: 70000: must be between 1 and 65535, inclusive`,
    ]);
    expect(errors({ readinessProbe: { tcpSocket: { port: 'Web_Port' } } })).toEqual([
      `${C}.readinessProbe.tcpSocket.port: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
    ]);
    expect(errors({ startupProbe: { grpc: {} } })).toEqual([`${C}.startupProbe.grpc.port: Invalid value: 0: must be between 1 and 65535, inclusive`]);
    expect(errors({ readinessProbe: { httpGet: { port: 80, scheme: 'FTP', httpHeaders: [{ name: 'X Bad', value: '1' }] } } })).toEqual([
      `${C}.readinessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"`,
      `${C}.readinessProbe.httpGet.httpHeaders: Invalid value: "X Bad": a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')`,
    ]);
  });

  it('accepts a well-formed named port the container does not have: that fails at probe time', () => {
    expect(errors({ livenessProbe: { httpGet: { port: 'metrics' } } })).toEqual([]);
  });

  it('refuses negative timings; 0 is defaulted away before validation', () => {
    expect(errors({ readinessProbe: { exec: { command: ['true'] }, initialDelaySeconds: -1, periodSeconds: 0, failureThreshold: -3 } })).toEqual([
      `${C}.readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0`,
      `${C}.readinessProbe.failureThreshold: Invalid value: -3: must be greater than or equal to 0`,
    ]);
  });

  it('wants successThreshold 1 for liveness and startup probes, after the generic checks', () => {
    expect(errors({ livenessProbe: { exec: { command: ['true'] }, successThreshold: 3 } })).toEqual([`${C}.livenessProbe.successThreshold: Invalid value: 3: must be 1`]);
    expect(errors({ startupProbe: { exec: { command: ['true'] }, successThreshold: -2 } })).toEqual([
      `${C}.startupProbe.successThreshold: Invalid value: -2: must be greater than or equal to 0`,
      `${C}.startupProbe.successThreshold: Invalid value: -2: must be 1`,
    ]);
    expect(errors({ readinessProbe: { exec: { command: ['true'] }, successThreshold: 3 } })).toEqual([]);
  });

  it('checks a probe terminationGracePeriodSeconds, which readiness probes may not have', () => {
    expect(errors({ livenessProbe: { exec: { command: ['true'] }, terminationGracePeriodSeconds: 0 } })).toEqual([
      `${C}.livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0`,
    ]);
    expect(errors({ readinessProbe: { exec: { command: ['true'] }, terminationGracePeriodSeconds: 5 } })).toEqual([
      `${C}.readinessProbe.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes`,
    ]);
  });

  it('forbids probes and hooks on init containers unless they are sidecars', () => {
    const probe = { exec: { command: ['true'] } };
    expect(errors({}, { initContainers: [{ name: 'init', image: 'busybox', readinessProbe: probe, lifecycle: { preStop: probe } }] })).toEqual([
      'spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always',
      'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]);
    expect(errors({}, { initContainers: [{ name: 'init', image: 'busybox', restartPolicy: 'Always', readinessProbe: probe }] })).toEqual([]);
  });

  it('reports resources, then the duplicate name, then hooks and probes', () => {
    // A template: no requests copied from limits.
    const spec = { containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'x', resources: { limits: { cpu: '-1' } }, livenessProbe: {} }] } as PodSpec;
    defaultPodSpec(spec);
    expect(validatePodSpec(spec, 'spec').map(renderFieldError)).toEqual([
      'spec.containers[1].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      'spec.containers[1].name: Duplicate value: "a"',
      'spec.containers[1].livenessProbe: Required value: must specify a handler type',
    ]);
  });
});

describe('lifecycle hooks (validateLifecycle)', () => {
  it('validates each hook like a probe handler, with sleep instead of grpc', () => {
    expect(errors({ lifecycle: { postStart: {}, preStop: { exec: { command: ['x'] }, sleep: { seconds: 5 } } } })).toEqual([
      `${C}.lifecycle.postStart: Required value: must specify a handler type`,
      `${C}.lifecycle.preStop.sleep: Forbidden: may not specify more than 1 handler type`,
    ]);
  });

  it('wants a sleep above 0 and within the grace period', () => {
    const msg = (n: number, g: number) => `${C}.lifecycle.preStop.sleep: Invalid value: ${n}: must be greater than 0 and less than terminationGracePeriodSeconds (${g}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`;
    expect(errors({ lifecycle: { preStop: { sleep: { seconds: 0 } } } })).toEqual([msg(0, 30)]);
    expect(errors({ lifecycle: { preStop: { sleep: { seconds: 20 } } } }, { terminationGracePeriodSeconds: 10 })).toEqual([msg(20, 10)]);
    expect(errors({ lifecycle: { preStop: { sleep: { seconds: 30 } } } })).toEqual([]);
  });
});

describe('resources (ValidateContainerResourceRequirements)', () => {
  it('wants requests at most the limit, reported on `requests` in canonical form', () => {
    expect(errors({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } })).toEqual([
      `${C}.resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1`,
    ]);
    expect(errors({ resources: { requests: { memory: '1.5Gi' }, limits: { memory: '1024Mi' } } })).toEqual([
      `${C}.resources.requests: Invalid value: "1536Mi": must be less than or equal to memory limit of 1Gi`,
    ]);
  });

  it('refuses negative quantities, printed canonically', () => {
    expect(errors({ resources: { requests: { cpu: '-0.5' } } })).toEqual([
      `${C}.resources.requests[cpu]: Invalid value: "-500m": must be greater than or equal to 0`,
    ]);
  });

  it('names a bare unknown resource twice, unquoted; extended names need a domain', () => {
    expect(errors({ resources: { requests: { gpu: '1' } } })).toEqual([
      `${C}.resources.requests[gpu]: Invalid value: gpu: must be a standard resource type or fully qualified`,
      `${C}.resources.requests[gpu]: Invalid value: gpu: must be a standard resource for containers`,
    ]);
    expect(errors({ resources: { requests: { pods: '1' } } })).toEqual([
      `${C}.resources.requests[pods]: Invalid value: pods: must be a standard resource for containers`,
    ]);
    expect(errors({ resources: { limits: { 'example.com/foo': '1' } } })).toEqual([]);
  });

  it('wants extended resources and hugepages requested exactly at a limit', () => {
    expect(errors({ resources: { requests: { 'example.com/foo': '1' } } })).toEqual([
      `${C}.resources.limits: Required value: Limit must be set for non overcommitable resources`,
    ]);
    expect(errors({ resources: { requests: { 'example.com/foo': '1' }, limits: { 'example.com/foo': '2' } } })).toEqual([
      `${C}.resources.requests: Invalid value: "1": must be equal to example.com/foo limit of 2`,
    ]);
  });

  it('wants whole hugepages, and cpu or memory beside them', () => {
    expect(errors({ resources: { limits: { 'hugepages-2Mi': '3Mi', memory: '1Gi' } } })).toEqual([
      `${C}.resources.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi`,
      `${C}.resources.requests[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi`,
    ]);
    expect(errors({ resources: { limits: { 'hugepages-2Mi': '4Mi' } } })).toEqual([`${C}.resources: Forbidden: HugePages require cpu or memory`]);
  });
});

describe('probe defaults (SetDefaults_Probe)', () => {
  it('fills timings, and replaces an explicit 0 the way Go cannot tell from unset', () => {
    const spec = { containers: [{ name: 'a', image: 'x', livenessProbe: { httpGet: { port: 80, path: '' }, periodSeconds: 0, failureThreshold: 5 } }] } as PodSpec;
    defaultPodSpec(spec);
    expect(spec.containers[0].livenessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 5,
    });
  });
});
