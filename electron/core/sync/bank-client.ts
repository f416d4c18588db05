import type { z } from 'zod';
import { httpFailure, SyncFailure } from './failure';
import { HttpTransport, type HttpOptions } from './http';
import { DEFAULT_RETRY, realSleep, withRetries, type RetryHooks, type RetryPolicy } from './retry';
import { signRequest } from './signature';
import { ApiErrorBody, PullPage, PushResponse, type OutcomeItem } from './wire';

export interface BankEndpoint {
  url: string;
  keyId: string;
  secret: string;
  pins: string[];
}

export interface BankClientOptions {
  http?: Partial<HttpOptions>;
  retry?: RetryPolicy;
  hooks?: Partial<RetryHooks>;
}

const DEFAULT_HTTP: Omit<HttpOptions, 'pins'> = { timeoutMs: 30_000, maxBodyBytes: 64 << 20 };

/** The bank exchange API as calls: each one signed afresh per try, retried with backoff while that may help. */
export class BankClient {
  private readonly transport: HttpTransport;
  private readonly policy: RetryPolicy;
  private readonly hooks: RetryHooks;
  /** tries that failed and were retried, for the round's report */
  retries = 0;

  constructor(
    private readonly endpoint: BankEndpoint,
    opts: BankClientOptions = {},
  ) {
    this.transport = new HttpTransport(new URL(endpoint.url), { ...DEFAULT_HTTP, pins: endpoint.pins, ...opts.http });
    this.policy = opts.retry ?? DEFAULT_RETRY;
    this.hooks = { sleep: realSleep, random: Math.random, ...opts.hooks };
  }

  push(items: OutcomeItem[]): Promise<PushResponse> {
    return this.call('POST', this.transport.target('/outcomes'), Buffer.from(JSON.stringify({ items }), 'utf8'), PushResponse);
  }

  pull(since: string | null, limit: number): Promise<PullPage> {
    const query: Record<string, string> = { limit: String(limit) };
    if (since !== null) query.since = since;
    return this.call('GET', this.transport.target('/pull', query), Buffer.alloc(0), PullPage);
  }

  close(): void {
    this.transport.close();
  }

  private call<T>(method: 'GET' | 'POST', target: string, body: Buffer, schema: z.ZodType<T>): Promise<T> {
    const host = this.transport.base.host;
    return withRetries(
      async () => {
        const headers = signRequest({ method, path: target, body, keyId: this.endpoint.keyId, secret: this.endpoint.secret });
        const answer = await this.transport.send(method, target, headers, body);
        const json = parseJson(answer.body);
        if (answer.status < 200 || answer.status >= 300) {
          const err = ApiErrorBody.safeParse(json);
          throw httpFailure(answer.status, host, err.success ? err.data.error : null);
        }
        const parsed = schema.safeParse(json);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new SyncFailure('protocol', `The bank's answer to ${method} ${target.split('?')[0]} does not follow the API${issue ? ` (${issue.path.join('.') || 'body'}: ${issue.message})` : ''}.`, false);
        }
        return parsed.data;
      },
      this.policy,
      {
        ...this.hooks,
        onRetry: (failure, attempt) => {
          this.retries++;
          this.hooks.onRetry?.(failure, attempt);
        },
      },
    );
  }
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return null;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}
