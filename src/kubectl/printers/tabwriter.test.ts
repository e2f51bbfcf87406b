import { describe, it, expect } from 'vitest';
import { DESCRIBE_TABWRITER, TABLE_TABWRITER, tabwrite } from './tabwriter';

describe('tabwrite', () => {
  it('pads columns to the widest cell plus 3, minimum 6, and leaves the last cell unpadded', () => {
    const out = tabwrite('NAME\tAGE\tX\nnginx-abc\t5m\ty\n', TABLE_TABWRITER);
    expect(out).toBe('NAME        AGE   X\nnginx-abc   5m    y\n');
  });

  it('pads a terminated trailing empty cell (quota LIMIT column) with spaces', () => {
    expect(tabwrite('A\tB\t\naaaa\tb\t\n', TABLE_TABWRITER)).toBe('A      B     \naaaa   b     \n');
  });

  it('aligns only consecutive lines that have the column (Go block semantics)', () => {
    const text = 'Name:\tweb\nNamespace:\tdefault\nContainers:\n  IP:\t1.2.3.4\nControlled By:\tRS/x\n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe(
      'Name:       web\nNamespace:  default\nContainers:\n  IP:           1.2.3.4\nControlled By:  RS/x\n',
    );
  });

  it('pads a leading empty cell with spaces (continuation lines of Labels:)', () => {
    expect(tabwrite('Labels:\ta=b\n\tc=d\n', DESCRIBE_TABWRITER)).toBe('Labels:  a=b\n         c=d\n');
  });

  it('pads an empty cell after text with spaces (no TabIndent flag)', () => {
    expect(tabwrite('ab\t\tc\nabcdefghij\tx\ty\n', TABLE_TABWRITER)).toBe('ab' + ' '.repeat(17) + 'c\nabcdefghij   x     y\n');
  });

  it('counts runes, not UTF-16 units', () => {
    expect(tabwrite('é\tx\nab\ty\n', { minWidth: 0, tabWidth: 8, padding: 1 })).toBe('é  x\nab y\n');
  });
});
