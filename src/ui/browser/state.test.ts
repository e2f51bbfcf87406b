import { beforeEach, describe, expect, it } from 'vitest';
import { NO_HOST, useBrowser } from './state';

describe('the in-app browser store', () => {
  beforeEach(() => useBrowser.setState({ host: NO_HOST, open: false, request: null, back: [] }));

  it('opens on an address, follows links with a way back, reloads as a new load', () => {
    const b = () => useBrowser.getState();
    b().go('http://localhost:8080/');
    expect(b()).toMatchObject({ open: true, request: { url: 'http://localhost:8080/', seq: 1 }, back: [] });
    b().go('http://localhost:8080/50x.html', true);
    expect(b().back).toEqual(['http://localhost:8080/']);
    b().reload();
    expect(b().request).toEqual({ url: 'http://localhost:8080/50x.html', seq: 3 });
    b().goBack();
    expect(b()).toMatchObject({ request: { url: 'http://localhost:8080/', seq: 4 }, back: [] });
    b().close();
    expect(b().open).toBe(false);
  });

  it('opening a forward from its offer starts a new history', () => {
    const b = () => useBrowser.getState();
    b().go('http://localhost:8080/');
    b().go('http://localhost:8080/x', true);
    b().go('http://172.18.0.5/');
    expect(b().back).toEqual([]);
  });
});
