/**
 * The inspector's Files view of a pod: each volume (configMap, secret, downwardAPI, projected,
 * emptyDir) with where it is mounted and the files it holds now — what `kubectl exec … -- cat`
 * would print, a minute after a ConfigMap changed included.
 */
import type { VolumeView } from '../worker/inspect-volumes';

export function VolumeFiles({ volumes }: { volumes: VolumeView[] }) {
  return (
    <div className="kp-inspector-body kp-volumes" role="tabpanel" aria-label="Files" tabIndex={0}>
      {volumes.length === 0 && <p className="kp-muted">No volumes.</p>}
      {volumes.map((v) => (
        <section key={v.name} className="kp-volume" aria-label={`Volume ${v.name}`}>
          <header className="kp-volume-head">
            <span className="kp-volume-name">{v.name}</span>
            <span className="kp-volume-source">{v.source}</span>
          </header>
          <div className="kp-volume-mounts kp-muted">{v.mounts.length ? v.mounts.join(' · ') : 'not mounted by a running container'}</div>
          {v.mounts.length > 0 && v.files.length === 0 && <div className="kp-muted">empty</div>}
          {v.files.map((f) => (
            <details key={f.path} className="kp-volume-file">
              <summary>
                <code>{f.path}</code> <span className="kp-muted">{f.mode} · {f.size} B</span>
              </summary>
              <pre>{f.content}{f.truncated ? '\n…' : ''}</pre>
            </details>
          ))}
        </section>
      ))}
    </div>
  );
}
