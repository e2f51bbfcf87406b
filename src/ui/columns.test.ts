import { describe, expect, it } from 'vitest';
import { parseColumns } from './columns';

describe('parseColumns', () => {
  it('splits an events table at the header words, keeping two-word headers and long messages whole', () => {
    const text = [
      'LAST SEEN   TYPE      REASON      OBJECT      MESSAGE',
      '12s         Normal    Scheduled   pod/nginx   Successfully assigned default/nginx to kind-worker2',
      '3s          Warning   BackOff     pod/nginx   Back-off pulling image "nginx:nope"',
      '',
    ].join('\n');
    expect(parseColumns(text)).toEqual({
      headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
      rows: [
        ['12s', 'Normal', 'Scheduled', 'pod/nginx', 'Successfully assigned default/nginx to kind-worker2'],
        ['3s', 'Warning', 'BackOff', 'pod/nginx', 'Back-off pulling image "nginx:nope"'],
      ],
    });
  });

  it('is null for text that is not a table', () => {
    expect(parseColumns('No resources found in default namespace.\n')).toBeNull();
    expect(parseColumns('Error from server (NotFound): pods "x" not found\nsecond line')).toBeNull();
  });
});
