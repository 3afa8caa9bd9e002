// Acts as the Pulumi engine: launches the emulator and providers/pulumi-resource-bird the way the engine does
// (engine address last, port read from the first stdout line) and talks to it with Pulumi's own generated stubs.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const grpc = require('@grpc/grpc-js');
export const providerGrpc = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
export const providerPb = require('@pulumi/pulumi/proto/provider_pb.js');
export const pluginPb = require('@pulumi/pulumi/proto/plugin_pb.js');
export const statusPb = require('@pulumi/pulumi/proto/status_pb.js');
export const { Empty } = require('google-protobuf/google/protobuf/empty_pb.js');
export const { Struct } = require('google-protobuf/google/protobuf/struct_pb.js');

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const launcher = path.join(repoRoot, 'providers', 'pulumi-resource-bird');

export const SIG = '4dabf18193072939515e22adb298388d';
export const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';
export const REF_SIG = '5cf8f73096256a8f31e491e813e4eb8e';
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

export const secret = (value) => ({ [SIG]: SECRET_SIG, value });
export const isSecret = (v) => v !== null && typeof v === 'object' && v[SIG] === SECRET_SIG;
export const reveal = (v) => (isSecret(v) ? v.value : v);
export const toStruct = (obj) => Struct.fromJavaScript(obj);
export const fromStruct = (s) => (s ? s.toJavaScript() : undefined);

function firstExisting(candidates) {
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`none of these exist (build the solution first): ${candidates.join(', ')}`);
  return found;
}

function readLines(stream, onLine) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffered += chunk;
    let i;
    while ((i = buffered.indexOf('\n')) >= 0) {
      onLine(buffered.slice(0, i));
      buffered = buffered.slice(i + 1);
    }
  });
}

/** Exit of a child as a promise resolving to { code, signal, at } (at = performance.now()). */
function exitOf(proc) {
  return new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })));
}

/** Starts the built emulator standalone on a random port and parses its four announcement lines. A new channel is
 * 'pending' for channelActivationSeconds before it is 'active'. */
export async function startEmulator({ channelDelaySeconds = 0.5, channelActivationSeconds = 0.3 } = {}) {
  const dll = firstExisting(['Release', 'Debug'].map((c) => path.join(repoRoot, 'emulator', 'bin', c, 'net10.0', 'BirdInfra.Emulator.dll')));
  const proc = spawn('dotnet', [dll, '--urls', 'http://127.0.0.1:0', '--channel-delay', String(channelDelaySeconds), '--channel-activation-delay', String(channelActivationSeconds)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const info = {};
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const exited = exitOf(proc);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start in 120 s: ${stderr}`)), 120_000); // a hang guard
    exited.then(({ code }) => reject(new Error(`emulator exited (${code}): ${stderr}`)));
    readLines(proc.stdout, (line) => {
      const m = /^(organizationId|workspaceId|adminAccessKey|listening): (.+)$/.exec(line.trim());
      if (m) info[m[1]] = m[2];
      if (info.listening) { clearTimeout(timer); resolve(); }
    });
  });
  const baseUrl = info.listening.replace(/\/$/, '');
  const admin = { Authorization: `AccessKey ${info.adminAccessKey}` };
  return {
    baseUrl,
    organizationId: info.organizationId,
    workspaceId: info.workspaceId,
    adminAccessKey: info.adminAccessKey,
    async calls() {
      const res = await fetch(`${baseUrl}/_emulator/calls`, { headers: admin });
      return (await res.json()).results;
    },
    async clearCalls() {
      await fetch(`${baseUrl}/_emulator/calls`, { method: 'DELETE', headers: admin });
    },
    async get(p) {
      const res = await fetch(`${baseUrl}${p}`, { headers: admin });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    },
    async stop() {
      proc.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]); // wall-clock-ok: cleanup, SIGKILL if SIGINT is ignored
      proc.kill('SIGKILL');
    },
  };
}

/**
 * The engine's own gRPC service (Pulumi's generated EngineService), recording every Log call; the other methods answer
 * UNIMPLEMENTED. `logs` holds { severity, message, urn, ephemeral } in arrival order.
 */
export async function startRecordingEngine() {
  const engineGrpc = require('@pulumi/pulumi/proto/engine_grpc_pb.js');
  const logs = [];
  const waiters = new Set();
  const server = new grpc.Server();
  server.addService(engineGrpc.EngineService, {
    log(call, callback) {
      const r = call.request;
      logs.push({ severity: r.getSeverity(), message: r.getMessage(), urn: r.getUrn(), ephemeral: r.getEphemeral() });
      for (const w of waiters) if (w.predicate(logs)) { waiters.delete(w); w.resolve(); }
      callback(null, new Empty());
    },
  });
  const port = await new Promise((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p)));
  });
  return {
    address: `127.0.0.1:${port}`,
    logs,
    /** Resolves as soon as the Log calls received meet `predicate` (woken by each call); rejects after timeoutMs. */
    waitFor(predicate, timeoutMs = 60_000) {
      if (predicate(logs)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const w = { predicate, resolve: () => { clearTimeout(timer); resolve(); } };
        const timer = setTimeout(() => { waiters.delete(w); reject(new Error(`no such Log call within ${timeoutMs} ms: ${JSON.stringify(logs)}`)); }, timeoutMs);
        waiters.add(w);
      });
    },
    close: () => new Promise((resolve) => server.tryShutdown(() => resolve())),
  };
}

/**
 * A stand-in for the engine's own gRPC address: something listening, so the plugin sees a live engine. It counts the
 * connections made to it: a plugin that is alive keeps checking its engine (EngineWatcher connects every interval), so
 * `connections` going up is the plugin's own sign of life, and `waitForConnections(n)` waits for it.
 */
export async function startFakeEngine() {
  let connections = 0;
  const waiters = new Set();
  const server = net.createServer((socket) => {
    connections++;
    socket.destroy();
    for (const w of waiters) if (connections >= w.count) { waiters.delete(w); w.resolve(); }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${server.address().port}`,
    get connections() { return connections; },
    /** Resolves once `count` connections in all have been made to this address. */
    waitForConnections(count) {
      if (connections >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.add({ count, resolve }));
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Waits until `condition()` (sync or async, e.g. a look at the emulator's call log) is true, checking every 50 ms.
 * `timeoutMs` is only a hang guard: it throws, naming `what`, instead of leaving the test to the runner's timeout.
 */
export async function waitUntil(condition, what, timeoutMs = 120_000) {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50)); // wall-clock-ok: the poll interval of a wait on a condition
  }
}

/**
 * `promise`, or a rejection once `signal` aborts. node:test aborts a test's `t.signal` when its timeout (the hang
 * guard) passes; a wait given that signal ends then, so the test's `finally` still stops the processes it started.
 */
export function orAbort(promise, signal) {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Error(`abandoned: ${signal.reason?.message ?? signal.reason ?? 'the test was aborted'}`));
    if (signal.aborted) { onAbort(); return; }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
      (error) => { signal.removeEventListener('abort', onAbort); reject(error); },
    );
  });
}

/** The first of the events to happen: `{ event: name, value }` for the promise in `events` (name → promise) that settles first. */
export function first(events) {
  return Promise.race(Object.entries(events).map(([event, p]) => p.then((value) => ({ event, value }))));
}

/** The built plugin itself (Release, else Debug), as the launcher runs it. */
export const pluginDll = () => firstExisting(['Release', 'Debug'].map((c) => path.join(repoRoot, 'providers', 'PulumiPlugin', 'bin', c, 'net10.0', 'BirdInfra.PulumiPlugin.dll')));

/**
 * Launches providers/pulumi-resource-bird like the engine: argv ends with the engine address, the child gets its
 * own process group, the first stdout line is the port. Returns a connected client and the launch timing (figures for
 * bench/plugin-launch.mjs; no test judges them). `direct` runs the
 * built plugin (`dotnet BirdInfra.PulumiPlugin.dll`) without the launcher's staleness check.
 */
export async function startPlugin({ engineAddress, env = {}, args = [], direct = false } = {}) {
  const [command, prefix] = direct ? ['dotnet', [pluginDll()]] : [launcher, []];
  const started = performance.now();
  const proc = spawn(command, [...prefix, ...args, engineAddress ?? '127.0.0.1:1'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
    env: { ...withoutBirdVariables(process.env), ...env },
  });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const exited = exitOf(proc);
  const closed = new Promise((resolve) => proc.once('close', resolve));
  let out = '';
  const firstLine = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`plugin printed no port in 120 s; stderr: ${stderr}`)), 120_000); // a hang guard (the launcher may build first)
    exited.then(({ code }) => reject(new Error(`plugin exited (${code}) before printing its port; stderr: ${stderr}`)));
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const nl = out.indexOf('\n');
      if (nl >= 0) { clearTimeout(timer); resolve(out.slice(0, nl)); }
    });
  });
  const portPrintMs = performance.now() - started;
  const port = Number(firstLine.trim());
  if (!/^\d+$/.test(firstLine) || port < 1 || port > 65535) throw new Error(`invalid port line ${JSON.stringify(firstLine)}`);
  const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = (method, request) => new Promise((resolve, reject) => {
    client[method](request, (err, response) => (err ? reject(err) : resolve(response)));
  });
  return {
    port,
    portPrintMs,
    started,
    proc,
    exited,
    /** Resolves once the process exited and its stdout and stderr are read to the end. */
    closed,
    client,
    call,
    stderr: () => stderr,
    /** Everything the plugin printed on stdout so far, the port line included. */
    stdout: () => out,
    async stop() {
      client.close();
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGINT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]); // wall-clock-ok: cleanup, SIGKILL if SIGINT is ignored
        if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      }
    },
  };
}

/** The plugin must not pick up a developer's real Bird credentials from the environment. */
function withoutBirdVariables(environment) {
  return Object.fromEntries(Object.entries(environment).filter(([k]) => !k.startsWith('BIRD_')));
}

/**
 * The engine's usual bring-up: CheckConfig then Configure with the given config (keys without the bird: prefix).
 * `olds` are the provider's inputs from the last run (none on the first).
 */
export async function configure(plugin, config, { olds = {} } = {}) {
  const news = toStruct(config);
  const check = new providerPb.CheckRequest();
  check.setUrn('urn:pulumi:test::conformance::pulumi:providers:bird::default');
  check.setOlds(toStruct(olds));
  check.setNews(news);
  const checked = await plugin.call('checkConfig', check);
  const req = new providerPb.ConfigureRequest();
  const args = { ...fromStruct(checked.getInputs()) };
  if (args.accessKey !== undefined) args.accessKey = secret(args.accessKey);
  req.setArgs(toStruct(args));
  const variables = req.getVariablesMap();
  for (const [k, v] of Object.entries(config)) variables.set(`bird:config:${k}`, String(v));
  req.setAcceptsecrets(true);
  req.setAcceptresources(true);
  req.setSendsOldInputs(true);
  req.setSendsOldInputsToDelete(true);
  return { checked, configured: await plugin.call('configure', req) };
}

export const emulatorConfig = (emulator, extra = {}) => ({
  endpoint: emulator.baseUrl,
  accessKey: emulator.adminAccessKey,
  organizationId: emulator.organizationId,
  workspaceId: emulator.workspaceId,
  ...extra,
});

export const urn = (type, name) => `urn:pulumi:test::conformance::${type}::${name}`;

/** Decodes grpc-status-details-bin (google.rpc.Status) into { code, message, details: [{ typeUrl, value }] }. */
export function statusDetails(err) {
  const raw = err.metadata?.get('grpc-status-details-bin')?.[0];
  if (!raw) return undefined;
  const status = statusPb.Status.deserializeBinary(raw);
  return {
    code: status.getCode(),
    message: status.getMessage(),
    details: status.getDetailsList().map((a) => ({ typeUrl: a.getTypeUrl(), value: a.getValue_asU8() })),
  };
}

/** The ErrorResourceInitFailed detail of a failed call ({ id, properties, inputs, reasons }), if it carries one. */
export function initFailure(err) {
  const detail = statusDetails(err)?.details?.find((d) => d.typeUrl === 'type.googleapis.com/pulumirpc.ErrorResourceInitFailed');
  if (!detail) return undefined;
  const init = providerPb.ErrorResourceInitFailed.deserializeBinary(detail.value);
  return { id: init.getId(), properties: fromStruct(init.getProperties()), inputs: fromStruct(init.getInputs()), reasons: init.getReasonsList() };
}
