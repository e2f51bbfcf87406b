/**
 * The main thread's end of the protocol: numbers commands, resolves each one's `result`, routes
 * streamed `output` to the command that produced it, and hands `hello`/`patch` to the store.
 */
import {
  assertNever,
  PROTOCOL_VERSION,
  type Command,
  type CommandResult,
  type UiToWorker,
  type WorkerToUi,
} from '../worker/protocol';

type HelloMessage = Extract<WorkerToUi, { type: 'hello' }>;
type PatchMessage = Extract<WorkerToUi, { type: 'patch' }>;
type TrafficMessage = Extract<WorkerToUi, { type: 'traffic' }>;

export interface ClientHandlers {
  hello(message: HelloMessage): void;
  patch(message: PatchMessage): void;
  /** Requests through the cluster network, for the graph to animate (optional: tests may ignore them). */
  traffic?(message: TrafficMessage): void;
}

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerPort {
  postMessage(message: UiToWorker): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerToUi>) => void): void;
}

interface Pending {
  resolve: (result: CommandResult) => void;
  reject: (error: Error) => void;
  write?: (text: string) => void;
  reading?: () => void;
}

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly port: WorkerPort,
    private readonly handlers: ClientHandlers,
  ) {
    port.addEventListener('message', (e) => this.receive(e.data));
  }

  connect(): void {
    this.port.postMessage({ type: 'connect' });
  }

  /** Sends a command; `write` receives the output it streams, `reading` hears when it reads typed input. */
  request(command: Command, write?: (text: string) => void, reading?: () => void): { id: number; done: Promise<CommandResult> } {
    const id = this.nextId++;
    const done = new Promise<CommandResult>((resolve, reject) => this.pending.set(id, { resolve, reject, write, reading }));
    this.port.postMessage({ type: 'command', id, command });
    return { id, done };
  }

  interrupt(id: number): void {
    this.port.postMessage({ type: 'interrupt', id });
  }

  /** A line typed into running command `id` (null: Ctrl+D). */
  input(id: number, text: string | null): void {
    this.port.postMessage({ type: 'input', id, text });
  }

  /** The worker is gone: every command still waiting for an answer fails with `error`. */
  failAll(error: Error): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }

  private receive(message: WorkerToUi): void {
    switch (message.type) {
      case 'hello':
        if (message.protocolVersion !== PROTOCOL_VERSION) {
          console.error(`worker speaks protocol ${message.protocolVersion}, UI ${PROTOCOL_VERSION}`);
        }
        this.handlers.hello(message);
        return;
      case 'patch':
        this.handlers.patch(message);
        return;
      case 'traffic':
        this.handlers.traffic?.(message);
        return;
      case 'output':
        this.pending.get(message.id)?.write?.(message.text);
        return;
      case 'reading':
        this.pending.get(message.id)?.reading?.();
        return;
      case 'result': {
        const p = this.pending.get(message.id);
        if (!p) return;
        this.pending.delete(message.id);
        if (message.ok) p.resolve(message.result);
        else p.reject(new Error(message.error));
        return;
      }
      default:
        assertNever(message);
    }
  }
}
