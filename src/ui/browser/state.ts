/**
 * The in-app browser's state (its own small zustand store, apart from the cluster mirror): what
 * the worker says of the learner's machine (forwarded ports, cloud provider on/off), and the
 * panel — open or not, the address it was asked to load (`request`, bumped on every load so a
 * reload of the same address loads again), back history.
 */
import { create } from 'zustand';
import type { HostView } from '../../worker/protocol';

export const NO_HOST: HostView = { forwards: [], cloudProvider: true };

export interface BrowserState {
  host: HostView;
  open: boolean;
  /** The load the panel performs next (or last performed): its address and a sequence number. */
  request: { url: string; seq: number } | null;
  /** Addresses visited before the current one (the Back button). */
  back: string[];
  setHost(host: HostView): void;
  /** Opens the panel on `url`; `push` keeps the current address for Back (a link, a typed address; not a new offer). */
  go(url: string, push?: boolean): void;
  reload(): void;
  goBack(): void;
  close(): void;
}

export const useBrowser = create<BrowserState>()((set, get) => ({
  host: NO_HOST,
  open: false,
  request: null,
  back: [],
  setHost: (host) => set({ host }),
  go: (url, push = false) => {
    const { request, back, open } = get();
    set({ open: true, request: { url, seq: (request?.seq ?? 0) + 1 }, back: push && open && request ? [...back, request.url] : push ? back : [] });
  },
  reload: () => {
    const { request } = get();
    if (request) set({ request: { url: request.url, seq: request.seq + 1 } });
  },
  goBack: () => {
    const { back, request } = get();
    const url = back[back.length - 1];
    if (url !== undefined) set({ back: back.slice(0, -1), request: { url, seq: (request?.seq ?? 0) + 1 } });
  },
  close: () => set({ open: false, back: [] }),
}));
