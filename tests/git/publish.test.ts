/**
 * Publishing to a local folder served by nginx, as a district host would be (root <target>/current,
 * the documented deploy/nginx.conf otherwise): release A goes live, release B is published while
 * requests hammer the site, and every response must belong wholly to A or wholly to B; a rollback
 * brings A back; the guard refuses a release that loses a street page or too many pages, unless
 * the run allows it. Releases are small synthetic builds (every file carries its release's
 * marker), with manifests written by the build's own code.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT } from '../../src/district.ts';
import { writeManifest } from '../../src/integrations/publish-manifest.ts';
import { documentedServer, type Nginx, startNginx } from '../support/nginx.ts';

const REPO = resolve('.');
let work = '';
let target = '';
let nginx: Nginx | undefined;

const BRANDS = Array.from({ length: 60 }, (_, n) => `/brands/brand-${n}/`);
const STREETS = DISTRICT.streets.map((id) => `/streets/${id}/`);
const PAGES = ['/', '/about/', '/streets/', ...STREETS, ...BRANDS];
const ASSETS = ['/_astro/site.css', '/map-data.json'];

/** A build whose every file says, on every line, which release it is. */
function release(marker: string, pages: readonly string[]): string {
  const dir = join(work, `dist-${marker}`);
  rmSync(dir, { recursive: true, force: true });
  for (const path of [...pages, ...ASSETS]) {
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    mkdirSync(dirname(file), { recursive: true });
    // ~24 KB a file: large enough that a response torn between two releases would show both markers.
    writeFileSync(file, Array.from({ length: 400 }, (_, line) => `release:${marker} ${path} ${line}\n`).join(''));
  }
  writeManifest(dir);
  return dir;
}

interface Result {
  code: number | null;
  output: string;
}

function command(script: string, args: string[], env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, [join(REPO, 'scripts', script), ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise<Result>((done) => child.on('close', (code) => done({ code, output })));
}
const publish = (dist: string, env?: Record<string, string>) => command('publish.ts', [dist, target], env);
const rollback = (...args: string[]) => command('rollback.ts', [target, ...args]);

const live = () => readlinkSync(join(target, 'current'));
const releases = () => readdirSync(join(target, 'releases')).sort();

/** The releases a body carries: exactly one for a whole response. */
const markers = (body: string) => new Set([...body.matchAll(/release:(\w+)/g)].map((match) => match[1]));

async function get(path: string) {
  const response = await fetch(new URL(path, nginx?.url));
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'haizhu-publish-'));
  target = join(work, 'srv');
  const first = await publish(release('A', PAGES));
  expect(first.code, first.output).toBe(0);
  nginx = await startNginx((port) => documentedServer(join(target, 'current'), port));
});

afterAll(async () => {
  await nginx?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm run publish to a folder served by nginx', () => {
  it('switches from A to B with every response wholly one release, while requests keep coming', async () => {
    expect(live()).toMatch(/^releases\/\d{8}-/);
    expect((await get('/')).body).toContain('release:A');
    const distB = release('B', [...PAGES, '/brands/new-in-b/']);

    const paths = [...PAGES, ...ASSETS];
    const seen: { started: number; ended: number; status: number; markers: string[] }[] = [];
    let publishing = true;
    const hammer = async (worker: number) => {
      for (let n = worker; publishing; n += 7) {
        const started = performance.now();
        const { status, body } = await get(paths[n % paths.length]);
        seen.push({ started, ended: performance.now(), status, markers: [...markers(body)] });
      }
    };
    const workers = Array.from({ length: 6 }, (_, worker) => hammer(worker));
    await new Promise((done) => setTimeout(done, 200));
    const publishStarted = performance.now();
    const result = await publish(distB);
    const publishEnded = performance.now();
    await new Promise((done) => setTimeout(done, 200));
    publishing = false;
    await Promise.all(workers);

    expect(result.code, result.output).toBe(0);
    const during = seen.filter((entry) => entry.started >= publishStarted && entry.started <= publishEnded);
    const mixed = seen.filter((entry) => entry.markers.length !== 1);
    console.log(
      `publish took ${Math.round(publishEnded - publishStarted)} ms; ${seen.length} requests in all, ` +
        `${during.length} during the publish (${during.filter((e) => e.markers[0] === 'A').length} A, ` +
        `${during.filter((e) => e.markers[0] === 'B').length} B); ${mixed.length} mixed; ` +
        `${seen.filter((e) => e.status !== 200).length} not 200`,
    );
    expect(during.length).toBeGreaterThan(20);
    expect(mixed).toEqual([]);
    expect(seen.filter((entry) => entry.status !== 200)).toEqual([]);
    expect(seen.some((entry) => entry.markers[0] === 'A')).toBe(true);
    expect(seen.some((entry) => entry.markers[0] === 'B')).toBe(true);
    // The whole site moves at once: once any response from B has arrived, no request sent after it gets A
    // (a copy over the live folder would serve some pages from B while others are still A).
    const firstB = Math.min(...seen.filter((entry) => entry.markers[0] === 'B').map((entry) => entry.ended));
    expect(seen.filter((entry) => entry.started > firstB && entry.markers[0] !== 'B')).toEqual([]);
    expect(seen.filter((entry) => entry.started > publishEnded).every((entry) => entry.markers[0] === 'B')).toBe(true);
    expect((await get('/brands/new-in-b/')).status).toBe(200);
    expect(releases()).toHaveLength(2);
    expect(readdirSync(target).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('goes back to A with npm run rollback, and forward again with --to', async () => {
    const b = live();
    const back = await rollback();
    expect(back.code, back.output).toBe(0);
    expect(back.output).toMatch(/已回滚/);
    for (const path of ['/', ...STREETS.slice(0, 3), ...ASSETS])
      expect(markers((await get(path)).body)).toEqual(new Set(['A']));
    expect((await get('/brands/new-in-b/')).status).toBe(404);
    const earliest = await rollback();
    expect(earliest.code).toBe(1);
    expect(earliest.output).toMatch(/最早的版本/);

    const forward = await rollback('--to', b.replace('releases/', ''));
    expect(forward.code, forward.output).toBe(0);
    expect(live()).toBe(b);
    expect((await get('/')).body).toContain('release:B');
  });

  it('refuses a release that loses a street page, and leaves the live site as it was', async () => {
    const before = { live: live(), releases: releases() };
    const lost = STREETS[4];
    const result = await publish(
      release(
        'C',
        [...PAGES, '/brands/new-in-b/'].filter((page) => page !== lost),
      ),
    );
    expect(result.code).toBe(1);
    expect(result.output).toContain(`会删除 1 个街道页面：${lost}`);
    expect(result.output).toContain('PUBLISH_ALLOW_SHRINK=1');
    expect({ live: live(), releases: releases() }).toEqual(before);
    expect(readdirSync(join(target, 'releases')).filter((name) => name.startsWith('.'))).toEqual([]);
    expect((await get(lost)).body).toContain('release:B');
  });

  it('refuses a release that loses more than 10 % of the pages, unless the run allows it', async () => {
    const before = live();
    const fewer = release(
      'D',
      PAGES.filter((page) => !BRANDS.slice(0, 10).includes(page)),
    );
    const refused = await publish(fewer);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/会删除 11 个页面（现有 \d+ 个的 1\d\.\d%，上限 10%）/);
    expect(live()).toBe(before);

    const higher = await publish(fewer, { PUBLISH_MAX_REMOVED_PERCENT: '20', PUBLISH_KEEP_RELEASES: '2' });
    expect(higher.code, higher.output).toBe(0);
    expect((await get('/')).body).toContain('release:D');
    expect(releases()).toHaveLength(2);
    expect(releases()).toContain(live().replace('releases/', ''));

    const fewest = release(
      'E',
      PAGES.filter((page) => !BRANDS.includes(page)),
    );
    const allowed = await publish(fewest, { PUBLISH_ALLOW_SHRINK: '1' });
    expect(allowed.code, allowed.output).toBe(0);
    expect(allowed.output).toMatch(/警告（PUBLISH_ALLOW_SHRINK=1，仍然发布）：会删除 50 个页面/);
    expect((await get('/')).body).toContain('release:E');
    expect((await get(BRANDS[0])).status).toBe(404);
  });

  it('refuses a folder that is not a build, and a target whose current is not a release', async () => {
    const notBuilt = await publish(join(work, 'nothing-here'));
    expect(notBuilt.code).toBe(1);
    expect(notBuilt.output).toMatch(/找不到构建结果.*先运行 npm run build/);

    const legacy = join(work, 'legacy');
    mkdirSync(join(legacy, 'current'), { recursive: true });
    const result = await command('publish.ts', [release('F', PAGES), legacy]);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/不是指向 releases\/ 里某个版本的符号链接/);
    expect(existsSync(join(legacy, 'releases'))).toBe(false);
  });

  it('runs the same steps on user@host:/path over ssh (here a stand-in ssh that runs them locally)', async () => {
    // What sshd does with the command: the options and the host dropped, the rest run by a shell.
    const ssh = join(work, 'ssh');
    writeFileSync(
      ssh,
      '#!/bin/sh\nwhile :; do case "$1" in -l|-p|-i|-o) shift 2;; -*) shift;; *) break;; esac; done\nshift\nexec sh -c "$*"\n',
    );
    chmodSync(ssh, 0o755);
    const remote = join(work, 'remote');
    const env = { PUBLISH_SSH: ssh };
    const spec = `deploy@district-host:${remote}`;
    const first = await command('publish.ts', [release('G', PAGES), spec], env);
    expect(first.code, first.output).toBe(0);
    const second = await command('publish.ts', [release('H', PAGES), spec], env);
    expect(second.code, second.output).toBe(0);
    expect(readFileSync(join(remote, 'current/index.html'), 'utf8')).toContain('release:H');
    const back = await command('rollback.ts', [spec], env);
    expect(back.code, back.output).toBe(0);
    expect(readFileSync(join(remote, 'current/index.html'), 'utf8')).toContain('release:G');
  });
});
