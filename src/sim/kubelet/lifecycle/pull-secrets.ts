/**
 * The logins a pod's image pulls may use (kubelet getPullSecretsForPod + credentialprovider's
 * secrets keyring): each `imagePullSecrets` Secret of type kubernetes.io/dockerconfigjson
 * (`auths` in `.dockerconfigjson`) or kubernetes.io/dockercfg (`.dockercfg`). A Secret that
 * cannot be read is skipped with a FailedToRetrieveImagePullSecret event on the pod.
 */
import type { Pod, Secret } from 'kubernetes-types/core/v1';
import { storedBytesText } from '../../core/base64';
import type { RegistryCredential } from '../../images';
import type { NodeRuntime } from '../runtime';

export function pullCredentials(pod: Pod, rt: NodeRuntime, podEvent: (type: 'Warning', reason: string, message: string) => void): RegistryCredential[] {
  const ns = pod.metadata?.namespace ?? 'default';
  const credentials: RegistryCredential[] = [];
  const failed: string[] = [];
  for (const ref of pod.spec?.imagePullSecrets ?? []) {
    // API validation lets an entry without a name through; the kubelet ignores it.
    if (!ref.name) continue;
    const secret = rt.ctx.store.get('secrets', ns, ref.name) as unknown as Secret | undefined;
    if (!secret) failed.push(ref.name);
    else credentials.push(...secretCredentials(secret));
  }
  if (failed.length) podEvent('Warning', 'FailedToRetrieveImagePullSecret', `Unable to retrieve some image pull secrets (${failed.join(', ')}); attempting to pull the image may not succeed.`);
  return credentials;
}

/** The logins of one pull secret (none when it is of another type or does not parse). */
export function secretCredentials(secret: Secret): RegistryCredential[] {
  const data = secret.data ?? {};
  let entries: unknown;
  try {
    if (secret.type === 'kubernetes.io/dockerconfigjson' && data['.dockerconfigjson']) entries = (JSON.parse(storedBytesText(data['.dockerconfigjson'])) as { auths?: unknown }).auths;
    else if (secret.type === 'kubernetes.io/dockercfg' && data['.dockercfg']) entries = JSON.parse(storedBytesText(data['.dockercfg']));
  } catch {
    return [];
  }
  if (!entries || typeof entries !== 'object') return [];
  return Object.entries(entries as Record<string, { username?: string; password?: string; auth?: string }>).map(([server, e]) => {
    let username = typeof e?.username === 'string' ? e.username : '';
    let password = typeof e?.password === 'string' ? e.password : '';
    // DockerConfigEntry: `auth` (base64 "user:password") wins over the plain fields.
    if (typeof e?.auth === 'string' && e.auth) {
      const decoded = storedBytesText(e.auth);
      const colon = decoded.indexOf(':');
      if (colon >= 0) [username, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    }
    return { server, username, password };
  });
}
