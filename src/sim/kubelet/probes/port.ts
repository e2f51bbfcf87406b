/**
 * pkg/kubelet/prober/prober.go's port resolution (probe.ResolveContainerPort): a number, or
 * the name of one of the container's ports; a name not found is tried as a number, which gives
 * the strconv error real kubelets print ("strconv.Atoi: parsing \"http\": invalid syntax").
 */
import type { Container } from 'kubernetes-types/core/v1';

export function resolvePort(param: number | string | undefined, container: Container): number | { error: string } {
  let port: number;
  if (typeof param === 'number') port = param;
  else {
    const named = (container.ports ?? []).find((p) => p.name === param);
    if (named) port = named.containerPort;
    else {
      const s = param ?? '';
      if (!/^[+-]?\d+$/.test(s)) return { error: `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` };
      port = Number(s);
    }
  }
  if (port > 0 && port < 65536) return port;
  return { error: `invalid port number: ${port}` };
}
