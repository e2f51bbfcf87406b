import { describe, expect, it } from 'vitest';
import { HostPorts } from './host-ports';

describe('HostPorts', () => {
  const target = { namespace: 'default', pod: 'web', port: 80 };

  it('binds a port once, tells its forward of each connection and frees it on release', () => {
    const ports = new HostPorts();
    let handled = 0;
    const release = ports.listen(8080, target, () => handled++);
    expect(typeof release).toBe('function');
    expect(ports.listen(8080, target)).toBe('EADDRINUSE');
    expect(ports.connect(8080)).toEqual(target);
    expect(ports.connect(8081)).toBeUndefined();
    expect(handled).toBe(1);
    (release as () => void)();
    expect(ports.lookup(8080)).toBeUndefined();
    expect(ports.listen(8080, target)).not.toBe('EADDRINUSE');
  });

  it('tells the forward when a connection found nothing listening in the pod', () => {
    const ports = new HostPorts();
    let refused = 0;
    ports.listen(8080, target, undefined, () => refused++);
    ports.refused(8080);
    ports.refused(8081);
    expect(refused).toBe(1);
  });

  it('tells subscribers when the table changes', () => {
    const ports = new HostPorts();
    let changes = 0;
    ports.subscribe(() => changes++);
    const release = ports.listen(9000, target) as () => void;
    release();
    release();
    expect(changes).toBe(2);
    expect(ports.list()).toEqual([]);
  });
});
