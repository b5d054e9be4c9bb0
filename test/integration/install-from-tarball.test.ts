// The tool as a user gets it: `npm pack`, the tarball installed into an empty folder, and the
// installed `scormdown build` making a course's package. It works from what the tarball ships (out/
// with the prebuilt browser files, templates/): no TypeScript sources, no esbuild, no compile step.
//
// Offline: the install folder gets a lockfile with this repository's locked production
// dependencies (each with its tarball address on the configured registry), so npm takes every
// tarball from its cache, where `npm ci` left them, and needs no registry metadata.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEARNER_RUNTIME, PREBUILT_ASSETS, PREBUILT_DIR, readPrebuilt } from '../../src/render/prebuilt-assets.js';
import { inlineScriptText } from '../../src/render/shared-assets.js';
import { unzip } from '../helpers/zip.js';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE_COURSE = path.join(REPO_ROOT, 'test', 'fixtures', 'courses', 'rtl-ar');

interface LockEntry {
  version: string;
  name?: string;
  resolved?: string;
  dev?: boolean;
}
interface PackedFile {
  path: string;
}

/** The environment without what `npm test` sets for this repository (its folder, its package). */
function npmEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|init_cwd$)/i.test(key)));
}

function npm(args: string[], cwd: string) {
  return run('npm', args, { cwd, env: npmEnvironment(), maxBuffer: 16 * 1024 * 1024 });
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(full, base)));
    else files.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return files;
}

/** The install folder's package.json and package-lock.json: the tarball and our locked production dependencies. */
async function seedInstallFolder(dir: string, tarball: string): Promise<void> {
  const manifest = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const lock = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const registry = (await npm(['config', 'get', 'registry'], dir)).stdout.trim().replace(/\/$/, '');
  const spec = `file:${path.relative(dir, tarball).split(path.sep).join('/')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'scormdown-install-test', dependencies: { scormdown: spec } },
    'node_modules/scormdown': {
      version: manifest.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(await fs.readFile(tarball)).digest('base64')}`,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === '' || entry.dev === true) continue;
    const name = entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    packages[key] = { ...entry, resolved: entry.resolved ?? `${registry}/${name}/-/${name.split('/').pop()}-${entry.version}.tgz` };
  }
  await fs.writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'scormdown-install-test', private: true, dependencies: { scormdown: spec } }, null, 2)}\n`);
  await fs.writeFile(path.join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'scormdown-install-test', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

describe('scormdown installed from its npm tarball', () => {
  let root: string;
  let packed: PackedFile[];
  let installDir: string;
  let installed: string;
  const seconds: Record<string, number> = {};
  const timed = async <T>(step: string, action: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await action();
    } finally {
      seconds[step] = Math.round(performance.now() - started) / 1000;
    }
  };

  beforeAll(async () => {
    // What gets packed must be current: this refuses a bundle older than its sources.
    for (const asset of PREBUILT_ASSETS) await readPrebuilt(asset);
    root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'scormdown-install-')));
    const packDir = path.join(root, 'pack');
    installDir = path.join(root, 'user');
    await fs.mkdir(packDir);
    await fs.mkdir(installDir);
    // out/ is compiled before the tests run (npm test); packing without scripts does not compile
    // it again under the other test files that are using it.
    const pack = await timed('npm pack', () => npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], REPO_ROOT));
    const [result] = JSON.parse(pack.stdout) as { filename: string; files: PackedFile[] }[];
    packed = result!.files;
    const tarball = path.join(packDir, result!.filename);
    await seedInstallFolder(installDir, tarball);
    await timed('npm install', () => npm(['install', '--offline', '--no-audit', '--no-fund', '--prefix', installDir, tarball], installDir));
    installed = path.join(installDir, 'node_modules', 'scormdown');
  }, 150_000);

  afterAll(async () => {
    process.stdout.write(`install-from-tarball: ${Object.entries(seconds).map(([step, time]) => `${step} ${time} s`).join(', ')}\n`);
    if (root !== undefined) await fs.rm(root, { recursive: true, force: true });
  });

  it('packs the compiled tool and what it reads, and no sources or tests', () => {
    const paths = packed.map((file) => file.path);
    for (const needed of ['bin/scormdown.js', 'out/src/cli/main.js', 'out/src/index.d.ts', 'templates/course.css', 'templates/shell.html', 'schema/course.schema.json', 'package.json']) {
      expect(paths).toContain(needed);
    }
    for (const asset of PREBUILT_ASSETS) expect(paths).toContain(`${PREBUILT_DIR}/${asset.name}`);
    expect(paths.filter((file) => /^(src|test|bench|scripts)\//.test(file) || (file.endsWith('.ts') && !file.endsWith('.d.ts')))).toEqual([]);
    // The esbuild wrapper is for compiling and tests only.
    expect(paths.filter((file) => file.includes('browser-bundle'))).toEqual([]);
  });

  it('installs without TypeScript sources, esbuild or a compile step', async () => {
    const files = await listFiles(installed);
    expect(files.filter((file) => file.startsWith('src/') || (file.endsWith('.ts') && !file.endsWith('.d.ts')))).toEqual([]);
    const lock = JSON.parse(await fs.readFile(path.join(installDir, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
    const installedPackages = Object.keys(lock.packages);
    expect(installedPackages.filter((key) => /(^|\/)node_modules\/(esbuild|@esbuild\/[^/]+|typescript)$/.test(key))).toEqual([]);
    for (const absent of ['esbuild', 'typescript']) {
      await expect(fs.stat(path.join(installDir, 'node_modules', absent))).rejects.toThrow();
      await expect(fs.stat(path.join(installed, 'node_modules', absent))).rejects.toThrow();
    }
    const manifest = JSON.parse(await fs.readFile(path.join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies)).not.toContain('esbuild');
    // Without typescript a `prepare` that ran would have failed the install: the prebuilt files
    // are the packed ones.
    expect(await fs.readFile(path.join(installed, PREBUILT_DIR, 'manifest.json'), 'utf8')).toBe(await fs.readFile(path.join(REPO_ROOT, PREBUILT_DIR, 'manifest.json'), 'utf8'));
  });

  it('builds a course with the installed command', async () => {
    const courseDir = path.join(root, 'course');
    const outDir = path.join(root, 'dist');
    await fs.cp(FIXTURE_COURSE, courseDir, { recursive: true });
    const built = await timed('scormdown build', () => run(path.join(installDir, 'node_modules', '.bin', 'scormdown'), ['build', '--course', courseDir, '--out', outDir], { cwd: installDir, env: npmEnvironment() }));
    expect(built.stderr).toBe('');
    const zips = (await fs.readdir(outDir)).filter((name) => name.endsWith('.zip'));
    expect(zips).toHaveLength(1);
    const entries = unzip(await fs.readFile(path.join(outDir, zips[0]!)));
    const indexHtml = entries.get('index.html')?.toString('utf8') ?? '';
    const runtime = inlineScriptText((await readPrebuilt(LEARNER_RUNTIME)).toString('utf8'));
    expect(runtime.length).toBeGreaterThan(10_000);
    expect(indexHtml).toContain(`<script>${runtime}</script>`);
  });

  it('says what to run, without a stack trace, when its prebuilt learner runtime is missing', async () => {
    const runtimeFile = path.join(installed, PREBUILT_DIR, 'runtime.js');
    const kept = await fs.readFile(runtimeFile);
    await fs.rm(runtimeFile);
    try {
      const courseDir = path.join(root, 'course-broken-install');
      await fs.cp(FIXTURE_COURSE, courseDir, { recursive: true });
      const failed = await run(path.join(installDir, 'node_modules', '.bin', 'scormdown'), ['build', '--course', courseDir, '--out', path.join(root, 'dist-broken')], { cwd: installDir, env: npmEnvironment() })
        .then(() => ({ code: 0, stderr: '' }), (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }));
      expect(failed.code).toBe(3);
      expect(failed.stderr).toMatch(/^✗ .*runtime.*npm run compile/m);
      expect(failed.stderr).not.toMatch(/\bat .*\.js:\d+/);
      expect(failed.stderr).not.toContain('This is a bug');
    } finally {
      await fs.writeFile(runtimeFile, kept);
    }
  });
});
