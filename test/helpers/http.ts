import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request to a loopback host on `port`, with our own Host header unless the test gives another. */
export function send(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; address?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: opts.address ?? '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** The Set-Cookie lines of a reply. */
export function setCookies(reply: Reply): string[] {
  const v = reply.headers['set-cookie'];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
