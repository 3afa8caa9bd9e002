// bench/plugin-launch.mjs keeps working (docs/performance.md reports its figures): one launch of each kind, every figure
// written as a number. What the figures are is not judged here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, orAbort } from './lib/harness.mjs';

test('bench/plugin-launch.mjs measures one launch and writes every figure', { timeout: 300_000 }, async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'birdinfra-launch-bench-'));
  const out = path.join(dir, 'plugin-launch.json');
  const proc = spawn(process.execPath, [path.join(repoRoot, 'bench', 'plugin-launch.mjs'), '--launches', '1', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (d) => { output += d; });
  proc.stderr.on('data', (d) => { output += d; });
  try {
    const code = await orAbort(new Promise((resolve) => proc.once('close', resolve)), t.signal);
    assert.equal(code, 0, output);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(Object.keys(result.figures).sort(), ['exitAfterEngineGone', 'exitAfterSigint', 'firstAnswer', 'launcherPortLine', 'portLine']);
    for (const [name, f] of Object.entries(result.figures)) {
      assert.ok(f.ms.length >= 1 && f.ms.every((ms) => Number.isFinite(ms) && ms >= 0), `${name}: ${JSON.stringify(f)}`);
      assert.equal(f.medianMs, [...f.ms].sort((a, b) => a - b)[Math.floor(f.ms.length / 2)], `${name}: the median of its figures`);
    }
    assert.match(output, /port line after launch \(built plugin\): median \d+ ms/);
  } finally {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
