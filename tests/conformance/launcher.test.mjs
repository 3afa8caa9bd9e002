// The two launchers the Pulumi engine runs (providers/pulumi-resource-bird, infra/birdinfra-program) build first when a
// source is newer than the build. A build that compiles nothing new (MSBuild then leaves the output file as it was)
// must still count: the next launch runs at once instead of building again, every time. Run on copies of the scripts in
// a scratch tree, with a stand-in `dotnet` on PATH that records what it is asked to do.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, readFileSync, rmSync, utimesSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './lib/harness.mjs';

const launchers = [
  { script: 'providers/pulumi-resource-bird', project: 'providers/PulumiPlugin/BirdInfra.PulumiPlugin.csproj', dll: 'providers/PulumiPlugin/bin/Release/net10.0/BirdInfra.PulumiPlugin.dll' },
  { script: 'infra/birdinfra-program', project: 'infra/BirdInfra.csproj', dll: 'infra/bin/Release/net10.0/birdinfra.dll' },
];

describe('launchers build only when needed', () => {
  let root;
  before(() => { root = mkdtempSync(path.join(os.tmpdir(), 'birdinfra-launcher-')); });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const launcher of launchers) {
    it(`${launcher.script}: after a build that changed nothing, the next launch does not build again; a failed build is retried`, () => {
      const tree = path.join(root, path.basename(launcher.script));
      const file = (p, text = '') => { const f = path.join(tree, p); mkdirSync(path.dirname(f), { recursive: true }); writeFileSync(f, text); return f; };
      copyFileSync(path.join(repoRoot, launcher.script), file(launcher.script));
      chmodSync(path.join(tree, launcher.script), 0o755);
      file(launcher.project, '<Project />');
      file('Directory.Build.props', '<Project />');
      file('Directory.Packages.props', '<Project />');
      const dll = file(launcher.dll, 'built');
      file('providers/Kinds/Changed.cs', '// edited after the last build');
      const old = new Date(Date.now() - 3_600_000);
      for (const f of [dll, path.join(tree, launcher.project), path.join(tree, 'Directory.Build.props'), path.join(tree, 'Directory.Packages.props')]) utimesSync(f, old, old);

      // The stand-in dotnet: `build` succeeds without writing anything (an up-to-date MSBuild) unless FAIL_BUILD is set;
      // anything else is the launched program, which prints a port like the plugin.
      const log = path.join(tree, 'dotnet.log');
      const dotnet = file('bin/dotnet', `#!/usr/bin/env bash\necho "$1" >> "${log}"\nif [ "$1" = build ]; then [ -z "\${FAIL_BUILD:-}" ] || exit 1; exit 0; fi\necho 12345\n`);
      chmodSync(dotnet, 0o755);
      const launch = (env = {}) => {
        writeFileSync(log, '');
        const r = spawnSync(path.join(tree, launcher.script), ['127.0.0.1:1'], { env: { ...process.env, ...env, PATH: `${path.join(tree, 'bin')}:${process.env.PATH}` }, encoding: 'utf8' });
        return { status: r.status, calls: readFileSync(log, 'utf8').trim().split('\n').filter(Boolean), stderr: r.stderr };
      };

      const failed = launch({ FAIL_BUILD: '1' });
      assert.notEqual(failed.status, 0, 'a failed build stops the launch');
      assert.deepEqual(failed.calls, ['build'], 'nothing runs after a failed build');

      const first = launch();
      assert.equal(first.status, 0, first.stderr);
      assert.deepEqual(first.calls.map((c) => (c === 'build' ? 'build' : 'run')), ['build', 'run'], 'the failed build is tried again, then the program runs');
      assert.match(first.stderr, /building/);

      const second = launch();
      assert.equal(second.status, 0, second.stderr);
      assert.deepEqual(second.calls.map((c) => (c === 'build' ? 'build' : 'run')), ['run'], 'a build that changed nothing still made the build current');
      assert.doesNotMatch(second.stderr, /building/);
    });
  }
});
