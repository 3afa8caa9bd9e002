// Stands in for the Pulumi engine's side of a program run: serves ResourceMonitor and Engine on loopback with
// Pulumi's own generated stubs (@pulumi/pulumi/proto/resource_grpc_pb.js, engine_grpc_pb.js) and starts the program
// exactly as the dotnet language host does (fact sheet §1): the `binary` of Pulumi.yaml run with `dotnet` from the
// `main` folder, no arguments, the PULUMI_* environment variables.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import { grpc, repoRoot, SIG, SECRET_SIG, UNKNOWN, toStruct, fromStruct, Empty } from './harness.mjs';

const require = createRequire(import.meta.url);
const resourceGrpc = require('@pulumi/pulumi/proto/resource_grpc_pb.js');
const resourcePb = require('@pulumi/pulumi/proto/resource_pb.js');
const engineGrpc = require('@pulumi/pulumi/proto/engine_grpc_pb.js');

export const project = yaml.load(readFileSync(path.join(repoRoot, 'Pulumi.yaml'), 'utf8'));

/** The URN the stand-in monitor gives a registration (no parent type chain: every resource is the stack's child). */
export const urnOf = (stack, type, name) => `urn:pulumi:${stack}::${project.name}::${type}::${name}`;

export const isUnknown = (v) => v === UNKNOWN;
export const secretOf = (v) => ({ [SIG]: SECRET_SIG, value: v });

/** Secret values the fake engine hands out in update mode, so tests can search for them. */
export const fakeToken = (name) => `tok-${name}-4f7c2a9e1b`;
export const fakePassword = (name) => `pw-${name}-Qx83Lm20Zt`;
export const fakeChannelId = (name) => `chan-${name}`;

/** What a provider would answer, per type: outputs the engine returns on top of the echoed inputs. */
function outputsFor(type, name, dryRun) {
  switch (type) {
    case 'bird:index:Connector':
      return { channelId: dryRun ? UNKNOWN : fakeChannelId(name), status: dryRun ? UNKNOWN : 'active' };
    case 'bird:index:AccessKey':
      return { token: secretOf(dryRun ? UNKNOWN : fakeToken(name)) };
    case 'random:index/randomPassword:RandomPassword':
      return dryRun ? { result: secretOf(UNKNOWN), bcryptHash: secretOf(UNKNOWN) } : { result: secretOf(fakePassword(name)), bcryptHash: secretOf('$2a$10$fake') };
    default:
      return {};
  }
}

/**
 * Serves ResourceMonitor and Engine. `fail(request)` may return a gRPC error ({ code, details }) for a registration;
 * `result(request)` may return a pulumirpc.Result (FAIL/SKIP) to answer with; `answer(request)` may resolve to the
 * { id, object } of a custom resource (e.g. from a real provider), otherwise canned outputs are used. Records
 * everything in order.
 */
export async function startEngine({ stack, dryRun, fail = () => null, result = () => 0, answer = async () => null } = {}) {
  const events = [];
  const server = new grpc.Server();
  let shutdownSignals = 0;

  server.addService(resourceGrpc.ResourceMonitorService, {
    supportsFeature(call, cb) {
      const res = new resourcePb.SupportsFeatureResponse();
      res.setHassupport(['secrets', 'resourceReferences', 'outputValues'].includes(call.request.getId()));
      events.push({ rpc: 'SupportsFeature', id: call.request.getId() });
      cb(null, res);
    },
    registerResource(call, cb) {
      const r = call.request;
      const propertyDependencies = {};
      r.getPropertydependenciesMap().forEach((v, k) => { propertyDependencies[k] = v.getUrnsList(); });
      const reg = {
        rpc: 'RegisterResource',
        type: r.getType(),
        name: r.getName(),
        parent: r.getParent(),
        custom: r.getCustom(),
        object: fromStruct(r.getObject()) ?? {},
        protect: r.hasProtect() ? r.getProtect() : undefined,
        dependencies: r.getDependenciesList(),
        propertyDependencies,
        version: r.getVersion(),
        acceptSecrets: r.getAcceptsecrets(),
        acceptResources: r.getAcceptresources(),
        additionalSecretOutputs: r.getAdditionalsecretoutputsList(),
        supportsPartialValues: r.getSupportspartialvalues(),
        supportsResultReporting: r.getSupportsresultreporting(),
        provider: r.getProvider(),
        urn: urnOf(stack, r.getType(), r.getName()),
      };
      events.push(reg);
      const error = fail(reg);
      if (error) {
        cb({ code: error.code ?? grpc.status.INTERNAL, details: error.details ?? 'resource registration failed' });
        return;
      }
      (reg.custom ? answer(reg) : Promise.resolve(null)).then((answered) => {
        const res = new resourcePb.RegisterResourceResponse();
        res.setUrn(reg.urn);
        if (reg.custom) {
          res.setId(answered?.id ?? (dryRun ? '' : `${reg.name}-id`));
          res.setObject(toStruct(answered?.object ?? { ...reg.object, ...outputsFor(reg.type, reg.name, dryRun) }));
        }
        res.setResult(result(reg) ?? 0);
        cb(null, res);
      }, (err) => cb({ code: grpc.status.INTERNAL, details: `resource registration failed: ${err.message}` }));
    },
    registerResourceOutputs(call, cb) {
      events.push({ rpc: 'RegisterResourceOutputs', urn: call.request.getUrn(), outputs: fromStruct(call.request.getOutputs()) ?? {} });
      cb(null, new Empty());
    },
    signalAndWaitForShutdown(call, cb) {
      shutdownSignals += 1;
      events.push({ rpc: 'SignalAndWaitForShutdown' });
      if (shutdownSignals > 1) {
        cb({ code: grpc.status.FAILED_PRECONDITION, details: 'Already waiting for shutdown' });
        return;
      }
      cb(null, new Empty());
    },
  });

  server.addService(engineGrpc.EngineService, {
    log(call, cb) {
      events.push({ rpc: 'Log', severity: call.request.getSeverity(), message: call.request.getMessage(), urn: call.request.getUrn() });
      cb(null, new Empty());
    },
    getRootResource(call, cb) { cb({ code: grpc.status.UNIMPLEMENTED, details: 'not served' }); },
    setRootResource(call, cb) { cb({ code: grpc.status.UNIMPLEMENTED, details: 'not served' }); },
  });

  const port = await new Promise((resolve, reject) => server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  return {
    address: `127.0.0.1:${port}`,
    events,
    registrations: () => events.filter((e) => e.rpc === 'RegisterResource'),
    logs: () => events.filter((e) => e.rpc === 'Log'),
    urnOf: (type, name) => urnOf(stack, type, name),
    stop: () => new Promise((resolve) => server.tryShutdown(() => resolve())),
  };
}

/**
 * Runs the program like pulumi-language-dotnet's Run: `dotnet <binary>` (binary ends in .dll) in the program
 * directory (`main`), no arguments, the host's environment plus the PULUMI_* variables. Kills its process group after
 * `timeoutMs`, a hang guard only (a hang fails the test): generous, since the first run in an edited working tree
 * builds the program (the launcher's staleness check) and a loaded 2-core machine can take minutes for that; the group,
 * so a build the launcher started does not outlive it. Resolves to { code, signal, stdout, stderr, ms }.
 */
export async function runProgram({ engine, stack, dryRun, config = {}, secretKeys = [], env = {}, rootDirectory = repoRoot, timeoutMs = 600_000 }) {
  const programDir = path.resolve(repoRoot, project.main ?? '.');
  const binary = project.runtime?.options?.binary;
  if (!binary) throw new Error('Pulumi.yaml has no runtime.options.binary');
  const [command, args] = binary.endsWith('.dll') ? ['dotnet', [binary]] : [binary, []];
  const environment = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BIRD_') && !k.startsWith('PULUMI_'))),
    ...env,
    PULUMI_MONITOR: engine.address,
    PULUMI_ENGINE: engine.address,
    PULUMI_PROJECT: project.name,
    PULUMI_STACK: stack,
    PULUMI_ORGANIZATION: 'organization',
    PULUMI_ROOT_DIRECTORY: rootDirectory,
    PULUMI_PWD: programDir,
    PULUMI_DRY_RUN: dryRun ? 'true' : 'false',
    PULUMI_PARALLEL: '16',
    PULUMI_QUERY_MODE: 'false',
    PULUMI_ATTACH_DEBUGGER: 'false',
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secretKeys),
  };
  if (Object.keys(config).length > 0) environment.PULUMI_CONFIG = JSON.stringify(config);
  const started = performance.now();
  const proc = spawn(command, args, { cwd: programDir, env: environment, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (d) => { stdout += d; });
  proc.stderr.on('data', (d) => { stderr += d; });
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; process.kill(-proc.pid, 'SIGKILL'); }, timeoutMs);
  const { code, signal } = await new Promise((resolve) => proc.once('exit', (c, s) => resolve({ code: c, signal: s })));
  clearTimeout(timer);
  return { code, signal, stdout, stderr, timedOut, ms: performance.now() - started };
}

/** A stack file with its `extends` chain laid over its bases: maps merge by key, lists replace, null removes a key. */
export function effectiveStack(stackFile) {
  const doc = yaml.load(readFileSync(stackFile, 'utf8')) ?? {};
  if (typeof doc.extends !== 'string') return doc;
  const { extends: base, ...overlay } = doc;
  const merge = (a, b) => {
    if (!isMap(a) || !isMap(b)) return b;
    const out = { ...a };
    for (const [key, value] of Object.entries(b)) {
      if (value === null && key in a) delete out[key];
      else out[key] = key in a ? merge(a[key], value) : value;
    }
    return out;
  };
  const isMap = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  return merge(effectiveStack(path.join(path.dirname(stackFile), base)), overlay);
}

/** The Bird resources a stack file declares (its bases merged), as [type, logicalName] pairs. */
export function declaredResources(stackFile) {
  const doc = effectiveStack(stackFile);
  const sections = {
    accessPolicies: 'AccessPolicy',
    accessRoles: 'AccessRole',
    accessKeys: 'AccessKey',
    connectors: 'Connector',
    webhookSubscriptions: 'WebhookSubscription',
  };
  const result = [];
  for (const [section, kind] of Object.entries(sections)) {
    for (const [name, body] of Object.entries(doc[section] ?? {})) result.push({ type: `bird:index:${kind}`, name, body, section });
  }
  return { doc, resources: result };
}
