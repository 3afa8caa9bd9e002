#!/usr/bin/env node
// The Pulumi plugin's launch contract, measured (docs/performance.md, "Plugin launch and exit"): how long after launch
// the port line comes and the first GetPluginInfo is answered, and how long the exit takes after the engine's address
// closes (default check interval, 0.25 s) and after SIGINT to the process group. Each figure is printed for every launch
// with its median; the tests (tests/conformance/startup.test.mjs, lifecycle.test.mjs) only check that each of these
// happens. Runs the built plugin (`dotnet BirdInfra.PulumiPlugin.dll ENGINE`, what the launcher runs once the build
// is current) and, for the port line, the launcher itself (staleness check included). Needs a Release or Debug build
// and `npm ci` in tests/conformance (it drives the plugin with that suite's harness).
//
//   node bench/plugin-launch.mjs [--launches 5] [--out bench/plugin-launch.json]
import os from 'node:os';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPlugin, startFakeEngine, Empty } from '../tests/conformance/lib/harness.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const launches = Number(option('--launches', '5'));
const out = option('--out', path.join(path.dirname(fileURLToPath(import.meta.url)), 'plugin-launch.json'));
if (!Number.isInteger(launches) || launches < 1) {
  console.error('--launches takes a whole number of at least 1');
  process.exit(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x);

/** One launch: port line and first answer after launch; then the engine goes away (or SIGINT); the exit after that. */
async function launch({ direct, end }) {
  const fakeEngine = await startFakeEngine();
  const plugin = await startPlugin({ engineAddress: fakeEngine.address, direct });
  try {
    await plugin.call('getPluginInfo', new Empty());
    const answered = performance.now() - plugin.started;
    plugin.client.close();
    const from = performance.now();
    if (end === 'engine') await fakeEngine.close();
    else process.kill(-plugin.proc.pid, 'SIGINT');
    const { code, at } = await plugin.exited;
    if (code !== 0) throw new Error(`the plugin exited with ${code}; stderr: ${plugin.stderr()}`);
    return { portLineMs: plugin.portPrintMs, answeredMs: answered, exitMs: at - from };
  } finally {
    await plugin.stop();
    await fakeEngine.close().catch(() => {});
  }
}

const loadBefore = os.loadavg();
const runs = { engineGone: [], sigint: [], launcher: [] };
for (let i = 0; i < launches; i++) {
  runs.engineGone.push(await launch({ direct: true, end: 'engine' }));
  runs.sigint.push(await launch({ direct: true, end: 'sigint' }));
  runs.launcher.push(await launch({ direct: false, end: 'sigint' }));
}
const loadAfter = os.loadavg();

const figure = (list, key) => {
  const values = list.map((r) => round(r[key]));
  return { ms: values, medianMs: median(values), minMs: Math.min(...values), maxMs: Math.max(...values) };
};
const result = {
  machine: { cpus: os.cpus().length, loadAverage: loadBefore, loadAverageAfter: loadAfter, platform: `${os.type()} ${os.release()} ${os.arch()}`, node: process.version },
  settings: { launches, engineCheckSeconds: 'default (0.25)' },
  figures: {
    portLine: figure([...runs.engineGone, ...runs.sigint], 'portLineMs'),
    firstAnswer: figure([...runs.engineGone, ...runs.sigint], 'answeredMs'),
    exitAfterEngineGone: figure(runs.engineGone, 'exitMs'),
    exitAfterSigint: figure(runs.sigint, 'exitMs'),
    launcherPortLine: figure(runs.launcher, 'portLineMs'),
  },
};

const rows = [
  ['port line after launch (built plugin)', result.figures.portLine],
  ['first GetPluginInfo answered after launch', result.figures.firstAnswer],
  ["exit after the engine's address closed", result.figures.exitAfterEngineGone],
  ['exit after SIGINT to the process group', result.figures.exitAfterSigint],
  ['port line after launch (launcher, build current)', result.figures.launcherPortLine],
];
console.log(`plugin launch, ${launches} launches each, ${result.machine.cpus} cpus, load average ${loadBefore[0].toFixed(1)} -> ${loadAfter[0].toFixed(1)}`);
for (const [name, f] of rows) console.log(`${name}: median ${f.medianMs} ms (${f.ms.join(', ')})`);
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${out}`);
