import { describe, expect, it } from 'vitest';
import { RememberingTabwriter } from './tabwriter';

describe('RememberingTabwriter (kubectl get -w)', () => {
  it('keeps the header widths for later rows and only ever widens a column', () => {
    const w = new RememberingTabwriter();
    expect(w.flush(['NAME\tSTATUS\tAGE', 'web-1\tPending\t0s'])).toBe('NAME    STATUS    AGE\nweb-1   Pending   0s\n');
    // A wider cell widens its column for this row…
    expect(w.flush(['web-1\tContainerCreating\t0s'])).toBe('web-1   ContainerCreating   0s\n');
    // …and for every row after it.
    expect(w.flush(['web-1\tRunning\t3s'])).toBe('web-1   Running             3s\n');
  });

  it('pads short columns to the minimum width of 6', () => {
    expect(new RememberingTabwriter().flush(['A\tB'])).toBe('A     B\n');
  });
});
