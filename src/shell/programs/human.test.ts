import { describe, expect, it } from 'vitest';
import { humanSize } from './human';

const sizes = [1023, 1024, 1500, 10240, 10300, 102400, 123456, 1048575, 1048576, 5000000, 123456789];

describe('humanSize (ls -lh of GNU 9.1 and busybox 1.35)', () => {
  it('GNU rounds up', () => {
    expect(sizes.map((s) => humanSize(s, 'gnu'))).toEqual(['1023', '1.0K', '1.5K', '10K', '11K', '100K', '121K', '1.0M', '1.0M', '4.8M', '118M']);
  });
  it('busybox keeps one decimal', () => {
    expect(sizes.map((s) => humanSize(s, 'busybox'))).toEqual(['1023', '1.0K', '1.5K', '10.0K', '10.1K', '100.0K', '120.6K', '1024.0K', '1.0M', '4.8M', '117.7M']);
  });
});
