/**
 * On a phone the four panels take turns: a tab bar (Lesson · Cluster · Editor · Terminal) picks
 * the one shown. Hidden by CSS on wider screens, where all panels are side by side.
 */
export const PHONE_PANELS = [
  { id: 'lesson', label: 'Lesson', panel: 'kp-panel-lessons' },
  { id: 'cluster', label: 'Cluster', panel: 'kp-panel-cluster' },
  { id: 'editor', label: 'Editor', panel: 'kp-panel-editor' },
  { id: 'terminal', label: 'Terminal', panel: 'kp-panel-terminal' },
] as const;

export type PhonePanel = (typeof PHONE_PANELS)[number]['id'];

export function PhoneTabs({ active, onChange }: { active: PhonePanel; onChange: (panel: PhonePanel) => void }) {
  return (
    <nav className="kp-phone-tabs" aria-label="Panels">
      {PHONE_PANELS.map((p) => (
        <button
          key={p.id}
          type="button"
          className="kp-phone-tab"
          aria-pressed={p.id === active}
          aria-controls={p.panel}
          onClick={() => onChange(p.id)}
        >
          {p.label}
        </button>
      ))}
    </nav>
  );
}
