// The benchmark's HTTP client: JSON over node:http with a keep-alive agent per simulated voter, each voter on
// its own loopback address (127.0.0.0/8), so the API's per-client rate limits see many clients, as in a meeting;
// or one agent with many sockets shared by all (anonymous casting, as through a reverse proxy).
import { Agent, request } from 'node:http';

export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
  /** Milliseconds from sending to the whole answer read. */
  readonly ms: number;
}

export class HttpClient {
  private agent: Agent;

  constructor(
    private readonly base: URL,
    private readonly localAddress = '127.0.0.1',
    private token: string | null = null,
    private readonly sockets = 4,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** The client for voter `n` (0-based): 127.1.x.y, distinct for n < 65,024. */
  static forVoter(base: URL, n: number): HttpClient {
    return new HttpClient(base, `127.1.${Math.floor(n / 254)}.${(n % 254) + 1}`);
  }

  signedIn(token: string): this {
    this.token = token;
    return this;
  }

  get(path: string): Promise<Reply> {
    return this.send('GET', path, undefined, 'application/json');
  }

  post(path: string, body: unknown, type = 'application/json'): Promise<Reply> {
    return this.send('POST', path, typeof body === 'string' ? body : JSON.stringify(body), type);
  }

  /** Like `post`/`get`, but anything but `status` is an error naming the answer. */
  async expect(status: number, reply: Promise<Reply>): Promise<Record<string, unknown>> {
    const r = await reply;
    if (r.status !== status)
      throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  close(): void {
    this.agent.destroy();
  }

  /** New connections: idle keep-alive sockets the server may be closing are not reused (between phases). */
  reconnect(): void {
    this.agent.destroy();
    this.agent = new Agent({ keepAlive: true, maxSockets: this.sockets });
  }

  private send(method: string, path: string, payload: string | undefined, type: string): Promise<Reply> {
    const started = performance.now();
    return new Promise((resolve) => {
      const headers: Record<string, string> = {};
      if (payload !== undefined) headers['content-type'] = type;
      if (this.token) headers['authorization'] = `Bearer ${this.token}`;
      const req = request(
        new URL(path, this.base),
        { method, headers, agent: this.agent, localAddress: this.localAddress },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: Record<string, unknown>;
            try {
              body = JSON.parse(text) as Record<string, unknown>;
            } catch {
              body = { text };
            }
            resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started });
          });
        },
      );
      // A network failure is an answer too (status 0), counted among the errors rather than ending the run.
      req.on('error', (err: NodeJS.ErrnoException) =>
        resolve({
          status: 0,
          body: { error: { code: err.code ?? 'NETWORK' } },
          ms: performance.now() - started,
        }),
      );
      req.end(payload);
    });
  }
}
