/**
 * Runs one `astro build` and measures it from outside: wall time, peak memory
 * of the whole process tree, and when each build phase began (from the log), so
 * a slow build can be pinned to a phase without a profiler.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one build cost. */
export interface BuildResult {
  ok: boolean;
  exitCode: number | null;
  /** Wall time from spawn to exit. */
  ms: number;
  /** Highest sum of VmRSS over the build's process tree seen while polling. */
  peakRssBytes: number;
  /** When that peak was seen (ms since spawn), to tell which phase it belongs to. */
  peakAtMs: number;
  /** The peak split by process name (e.g. node, pagefind): which program holds the memory. */
  peakByProcess: Record<string, number>;
  /** CPU time (user + system) of the build's process tree: above `ms`, the build used more than one core. */
  cpuMs: number;
  /**
   * CPU time the rest of the machine used meanwhile. Other people's builds and
   * tests share these cores; a large figure here means the timing is disturbed.
   */
  otherCpuMs: number;
  /** Every output line (stdout and stderr interleaved) with its time since spawn. */
  lines: { ms: number; text: string }[];
}

export interface BuildOptions {
  /** The Astro project root (the build runs there with `--root`). */
  root: string;
  /** Extra environment (CONTENT_DIR, OUT_DIR). */
  env?: Record<string, string>;
  /** How often to sample memory; 100 ms catches the peak of a build that lasts seconds. */
  pollMs?: number;
}

const require = createRequire(import.meta.url);
/** The same Astro the project uses, run by the same Node as this script (24, from the `node` package). */
export const ASTRO_BIN = join(require.resolve('astro/package.json'), '..', 'bin', 'astro.mjs');
export const ASTRO_VERSION = (
  JSON.parse(readFileSync(require.resolve('astro/package.json'), 'utf8')) as { version: string }
).version;

const running = new Set<number>();

/** Stops builds still running (on Ctrl-C), by their own process group only. */
export function stopRunningBuilds() {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

/**
 * A benchmark's temporary folder: `finish` stops any build still running and
 * removes the folder, unless `keep` (--keep); Ctrl-C does the same, then exits.
 */
export function workFolder(prefix: string, keep: boolean): { dir: string; finish: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const finish = () => {
    stopRunningBuilds();
    if (keep) console.log(`Temporary folders kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    finish();
    process.exit(130);
  });
  return { dir, finish };
}

/**
 * Spawns `astro build` directly with process.execPath rather than through npx:
 * npx would add its own Node process to the memory sum and its start-up to the
 * time, the same for both builds but noise all the same.
 */
export function runBuild(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const lines: BuildResult['lines'] = [];
  const child = spawn(process.execPath, [ASTRO_BIN, 'build', '--root', options.root], {
    cwd: options.root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
    // Its own process group, so an interrupted benchmark can stop the whole build.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid !== undefined) running.add(pid);

  const collect = (stream: NodeJS.ReadableStream) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const ms = performance.now() - started;
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const text of parts) lines.push({ ms, text });
    });
    stream.on('end', () => {
      if (partial) lines.push({ ms: performance.now() - started, text: partial });
    });
  };
  if (child.stdout) collect(child.stdout);
  if (child.stderr) collect(child.stderr);

  let peakRssBytes = 0;
  let peakAtMs = 0;
  let peakByProcess: Record<string, number> = {};
  let cpuMs = 0;
  const busyBefore = busyCpuMs();
  const sample = () => {
    if (pid === undefined) return;
    const tree = sampleTree(pid);
    if (tree.rssBytes > peakRssBytes) {
      peakRssBytes = tree.rssBytes;
      peakAtMs = performance.now() - started;
      peakByProcess = {};
      for (const process of tree.processes) {
        peakByProcess[process.name] = (peakByProcess[process.name] ?? 0) + process.rssBytes;
      }
    }
    // Exited children are folded into their parent's counters, so the total only grows.
    cpuMs = Math.max(cpuMs, tree.cpuMs);
  };
  const timer = setInterval(sample, options.pollMs ?? 100);
  sample();

  return new Promise((resolve) => {
    const finish = (exitCode: number | null) => {
      clearInterval(timer);
      if (pid !== undefined) running.delete(pid);
      const otherCpuMs = Math.max(0, busyCpuMs() - busyBefore - cpuMs);
      resolve({
        ok: exitCode === 0,
        exitCode,
        ms: performance.now() - started,
        peakRssBytes,
        peakAtMs,
        peakByProcess,
        cpuMs,
        otherCpuMs,
        lines,
      });
    };
    child.on('error', (error) => {
      lines.push({ ms: performance.now() - started, text: `spawn failed: ${error.message}` });
      finish(null);
    });
    // 'close' waits for the output streams too, so the last lines are in.
    child.on('close', (code) => finish(code));
  });
}

/** Clock ticks per second of /proc/PID/stat and /proc/stat (USER_HZ, 100 on Linux everywhere that matters). */
const TICKS_PER_SECOND = 100;

/**
 * Memory and CPU of `root` and all its descendants, read from /proc. VmRSS is
 * summed, so pages shared between processes count once per process: this errs
 * on the high side, the safe side for a memory budget. Descendants are found by
 * parent pid rather than process group so that a child starting its own group
 * still counts.
 */
export function sampleTree(root: number): {
  rssBytes: number;
  cpuMs: number;
  processes: { pid: number; name: string; rssBytes: number }[];
} {
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  const names = new Map<number, string>();
  for (const name of safeReaddir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = safeRead(`/proc/${name}/stat`);
    if (!stat) continue;
    // Fields after the command name, which is in parentheses and may contain spaces:
    // state ppid … utime stime cutime cstime (fields 4 and 14–17 of proc(5)).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    // The program's file name (node, pagefind_extended); the thread name in stat can be e.g. MainThread.
    const program = safeRead(`/proc/${name}/cmdline`)?.split('\0')[0]?.split('/').pop();
    names.set(Number(name), program || stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    ticks.set(
      Number(name),
      [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0),
    );
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  let rssBytes = 0;
  let cpuTicks = 0;
  const processes: { pid: number; name: string; rssBytes: number }[] = [];
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length) {
    const pid = stack.pop() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(safeRead(`/proc/${pid}/status`) ?? '')?.[1];
    const bytes = Number(kb ?? 0) * 1024;
    rssBytes += bytes;
    processes.push({ pid, name: names.get(pid) ?? '?', rssBytes: bytes });
    cpuTicks += ticks.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return { rssBytes, cpuMs: (cpuTicks * 1000) / TICKS_PER_SECOND, processes };
}

/** CPU time the whole machine has spent busy since boot (all cores), from /proc/stat. */
export function busyCpuMs(): number {
  const line = safeRead('/proc/stat')?.split('\n')[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal …: all but idle and iowait are busy.
  const [, user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).map(Number);
  return (
    (((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 1000) / TICKS_PER_SECOND
  );
}

/**
 * Waits until the rest of the machine is nearly idle (under a fifth of a core
 * over two seconds), at most `maxMs`, so that a build does not share its cores
 * with someone else's. Says how busy the machine still was if it gave up.
 */
export async function waitForQuiet(maxMs = 120_000): Promise<{ waitedMs: number; busyCores: number }> {
  const started = performance.now();
  let busyCores = 0;
  do {
    const before = busyCpuMs();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    busyCores = (busyCpuMs() - before) / 2000;
    if (busyCores < 0.2) break;
  } while (performance.now() - started < maxMs);
  return { waitedMs: performance.now() - started, busyCores };
}

/** Pages built, as the issue counts them (every index.html), and their total size. */
export function countPages(dir: string): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === 'index.html') {
        pages++;
        bytes += statSync(path).size;
      }
    }
  };
  walk(dir);
  return { pages, bytes };
}

/** The last `count` lines of a build's output, for a failure message. */
export function tail(result: BuildResult, count = 40): string {
  return result.lines
    .slice(-count)
    .map((line) => line.text)
    .join('\n');
}

/** Processes come and go while we read /proc; a vanished one simply counts zero. */
function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
