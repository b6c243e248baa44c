/**
 * nginx on 127.0.0.1 in a temporary folder, on a free port, for the tests that
 * need a real web server: the documented static host (deploy/nginx.conf), the
 * Git server (git-http-backend behind fcgiwrap) and the published pipeline
 * output. nginx must be installed (.ci/run installs nginx-light).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path));

/** A port nothing listens on now. */
export const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

export interface Nginx {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** The temporary folder: nginx.conf, logs/, tmp/; free for the caller's own files too. */
  prefix: string;
  /** What nginx printed to its error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

/** The documented server block (deploy/nginx.conf) with only its root and listen changed. */
export function documentedServer(root: string, port: number): string {
  return readFileSync('deploy/nginx.conf', 'utf8')
    .replace(/^ {2}root .*;$/m, `  root ${root};`)
    .replace(/^ {2}listen .*;$/m, `  listen 127.0.0.1:${port};`);
}

/**
 * Starts nginx with the given server blocks (`server(port, prefix)` writes them,
 * listening on 127.0.0.1:<port>) and waits until it answers.
 */
export async function startNginx(server: (port: number, prefix: string) => string): Promise<Nginx> {
  if (!NGINX) throw new Error('nginx is not installed: apt-get install -y nginx-light (.ci/run does this)');
  const port = await freePort();
  const prefix = mkdtempSync(join(tmpdir(), 'haizhu-nginx-'));
  for (const dir of ['tmp', 'logs']) mkdirSync(join(prefix, dir));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `  ${name}_temp_path ${prefix}/tmp/${name};`)
    .join('\n');
  const errorLog = join(prefix, 'logs/error.log');
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      'daemon off;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${errorLog};`,
      'events { worker_connections 64; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      temp,
      server(port, prefix),
      '}',
      '',
    ].join('\n'),
  );
  let output = '';
  const nginx: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', errorLog], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  nginx.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const errors = () => `${output}${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''}`;
  const stop = async () => {
    if (nginx.exitCode === null && nginx.signalCode === null) {
      const exited = new Promise((done) => nginx.once('exit', done));
      nginx.kill('SIGQUIT');
      await exited;
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (nginx.exitCode !== null) {
      const log = errors();
      await stop();
      throw new Error(`nginx exited (${nginx.exitCode}): ${log}`);
    }
    try {
      await fetch(url);
      break;
    } catch {
      if (attempt > 100) {
        const log = errors();
        await stop();
        throw new Error(`nginx did not start: ${log}`);
      }
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  return { url, port, prefix, errors, stop };
}
