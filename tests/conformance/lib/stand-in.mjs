// A stand-in for the Pulumi engine's deployment loop (pkg/resource/deploy/step_generator.go and step.go in
// pulumi/pulumi), over the program (lib/program.mjs) and the plugin (lib/engine.mjs). It keeps a state between runs
// (per resource: id, inputs, outputs, init errors; the provider's inputs) and turns each registration into the step the
// engine takes:
// - the default provider: CheckConfig(olds = last inputs, news), DiffConfig(last outputs, last inputs, news) whose
//   replacement would replace every resource made through it, then Configure;
// - a resource: Check(olds = last inputs, news); no state → Create; else Diff(id, last outputs, last inputs, news):
//   replaces → replace (create, then delete the old one; delete first when deleteBeforeReplace), DIFF_SOME or init
//   errors in state → Update(id, last outputs, last inputs, news), otherwise the same step (no call, last outputs);
//   DIFF_UNKNOWN falls back to comparing inputs. A create or update failing with ErrorResourceInitFailed is recorded
//   with its id, outputs and reasons (so the next run updates it), and the registration fails;
// - after a successful run, what the program no longer registers is deleted, dependents first;
// - refresh: Read(id, outputs, inputs) per resource; destroy: Delete in reverse order; import (`pulumi import`):
//   Read with the id only, then Check(olds = read inputs, news = read inputs), whose failures the engine reports.
// Pulumi.Random passwords are made here (created once, the same result afterwards).
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { configure, providerPb, toStruct, fromStruct, secret, initFailure, UNKNOWN } from './harness.mjs';
import { engine as providerCalls, DIFF } from './engine.mjs';
import { startEngine, runProgram, urnOf } from './program.mjs';

export const PASSWORD = 'random:index/randomPassword:RandomPassword';
const kindOf = (type) => type.split(':')[2];

/** Mutating steps only: what a `pulumi up` would report as changes. */
export const changes = (steps) => steps.filter((s) => s.op !== 'same');

/**
 * `firstPlugin` is a started plugin (lib/harness.mjs startPlugin). Runs are sequential: one `up`, `refresh`, `destroy`
 * or `import` at a time, each returning the steps it took ({ op, urn, type, name, ... }).
 */
export function standInEngine(firstPlugin, { stack = 'local' } = {}) {
  let plugin = firstPlugin;
  let rpc = providerCalls(plugin);
  const resources = new Map();
  let provider = null;

  /** CheckConfig, DiffConfig against the last run's provider, Configure. Returns the provider's step. */
  async function configureProvider(config) {
    const olds = provider?.inputs;
    const { checked } = await configure(plugin, config, { olds: olds ?? {} });
    const failures = checked.getFailuresList().map((f) => `${f.getProperty()}: ${f.getReason()}`);
    if (failures.length > 0) throw new Error(`CheckConfig failed: ${failures.join('; ')}`);
    const news = fromStruct(checked.getInputs());
    const step = { op: 'create', urn: urnOf(stack, 'pulumi:providers:bird', 'default'), news };
    if (provider) {
      const req = new providerPb.DiffRequest();
      req.setUrn(step.urn);
      req.setOlds(toStruct(provider.outputs));
      req.setOldInputs(toStruct(provider.inputs));
      req.setNews(toStruct(news));
      const diff = await plugin.call('diffConfig', req);
      step.replaces = diff.getReplacesList();
      step.op = step.replaces.length > 0 ? 'replace' : diff.getChanges() === DIFF.DIFF_SOME ? 'update' : 'same';
    }
    return step;
  }

  async function create(reg, kind, news, dryRun) {
    try {
      const created = await rpc.create(kind, reg.name, news, dryRun);
      if (!dryRun) resources.set(reg.urn, { type: reg.type, name: reg.name, id: created.id, inputs: news, outputs: created.properties, initErrors: [] });
      return { id: created.id, object: created.properties };
    } catch (err) {
      const init = initFailure(err);
      if (init && !dryRun) resources.set(reg.urn, { type: reg.type, name: reg.name, id: init.id, inputs: news, outputs: init.properties, initErrors: init.reasons });
      throw err;
    }
  }

  async function update(reg, kind, old, news, dryRun) {
    try {
      const updated = await rpc.update(kind, reg.name, old.id, old.outputs, old.inputs, news, dryRun);
      if (!dryRun) resources.set(reg.urn, { ...old, inputs: news, outputs: updated.properties, initErrors: [] });
      return { id: old.id, object: updated.properties };
    } catch (err) {
      const init = initFailure(err);
      if (init && !dryRun) resources.set(reg.urn, { ...old, inputs: news, outputs: init.properties, initErrors: init.reasons });
      throw err;
    }
  }

  async function password(reg, dryRun, steps) {
    const old = resources.get(reg.urn);
    if (old) {
      steps.push({ op: 'same', urn: reg.urn, type: reg.type, name: reg.name });
      return { id: old.id, object: old.outputs };
    }
    steps.push({ op: 'create', urn: reg.urn, type: reg.type, name: reg.name });
    if (dryRun) return { id: '', object: { ...reg.object, result: secret(UNKNOWN) } };
    const result = randomBytes(reg.object.length).toString('base64url').slice(0, reg.object.length);
    const outputs = { ...reg.object, result: secret(result), bcryptHash: secret('$2a$10$stand-in') };
    resources.set(reg.urn, { type: reg.type, name: reg.name, id: reg.name, inputs: reg.object, outputs, initErrors: [] });
    return { id: reg.name, object: outputs };
  }

  async function register(reg, { dryRun, providerStep, steps }) {
    if (reg.type === PASSWORD) return password(reg, dryRun, steps);
    const kind = kindOf(reg.type);
    const old = resources.get(reg.urn);
    const checked = await rpc.check(kind, reg.name, reg.object, old?.inputs ?? {});
    if (checked.failures.length > 0) throw new Error(`Check failed: ${JSON.stringify(checked.failures)}`);
    const news = checked.inputs;
    const step = { urn: reg.urn, type: reg.type, name: reg.name };
    steps.push(step);
    if (!old) {
      step.op = 'create';
      return create(reg, kind, news, dryRun);
    }

    let diff = providerStep.op === 'replace'
      ? { changes: DIFF.DIFF_SOME, replaces: ['provider'], deleteBeforeReplace: false }
      : await rpc.diff(kind, reg.name, old.id, old.outputs, old.inputs, news);
    if (diff.changes === DIFF.DIFF_UNKNOWN) diff = { ...diff, changes: isDeepStrictEqual(old.inputs, news) ? DIFF.DIFF_NONE : DIFF.DIFF_SOME };
    step.diff = diff;
    if (diff.replaces.length > 0) {
      step.op = 'replace';
      if (!dryRun && diff.deleteBeforeReplace) await rpc.delete(kind, reg.name, old.id, old.outputs, old.inputs);
      const replaced = await create(reg, kind, news, dryRun);
      if (!dryRun && !diff.deleteBeforeReplace) await rpc.delete(kind, reg.name, old.id, old.outputs, old.inputs);
      return replaced;
    }
    if (diff.changes === DIFF.DIFF_SOME || old.initErrors.length > 0) {
      step.op = 'update';
      step.olds = old.outputs;
      step.initErrors = old.initErrors;
      return update(reg, kind, old, news, dryRun);
    }
    step.op = 'same';
    if (!dryRun) resources.set(reg.urn, { ...old, inputs: news });
    return { id: old.id, object: old.outputs };
  }

  return {
    /** The engine starts a new plugin process for each run; state carries over. */
    usePlugin(next) {
      plugin = next;
      rpc = providerCalls(next);
    },

    /** What the engine knows, per URN. */
    state: () => new Map(resources),
    provider: () => provider,

    /**
     * One `pulumi up` (or `pulumi preview` with dryRun) of the program with the provider config `config` (keys without
     * the bird: prefix; the program gets them as bird:* config too). Resolves to { run, steps, providerStep, engine }.
     */
    async up({ config, dryRun = false, env = {}, rootDirectory }) {
      const providerStep = await configureProvider(config);
      const steps = [];
      const seen = new Set();
      const engine = await startEngine({
        stack,
        dryRun,
        answer: (reg) => {
          seen.add(reg.urn);
          return register(reg, { dryRun, providerStep, steps });
        },
      });
      let run;
      try {
        run = await runProgram({
          engine,
          stack,
          dryRun,
          config: Object.fromEntries(Object.entries(config).map(([k, v]) => [`bird:${k}`, String(v)])),
          secretKeys: ['bird:accessKey'],
          env,
          rootDirectory,
        });
      } finally {
        await engine.stop();
      }
      if (run.code === 0) {
        for (const [urn, old] of [...resources].reverse()) {
          if (seen.has(urn)) continue;
          steps.push({ op: 'delete', urn, type: old.type, name: old.name });
          if (dryRun) continue;
          if (old.type !== PASSWORD) await rpc.delete(kindOf(old.type), old.name, old.id, old.outputs, old.inputs);
          resources.delete(urn);
        }
      }
      if (!dryRun) provider = { inputs: providerStep.news, outputs: providerStep.news };
      return { run, steps, providerStep, engine };
    },

    /** `pulumi refresh`: Read each resource with what state holds; a resource Bird no longer has leaves state. */
    async refresh({ config }) {
      await configureProvider(config);
      const steps = [];
      for (const [urn, r] of resources) {
        if (r.type === PASSWORD) continue;
        const live = await rpc.read(kindOf(r.type), r.name, r.id, r.outputs, r.inputs);
        if (!live.id) {
          resources.delete(urn);
          steps.push({ op: 'delete', urn, type: r.type, name: r.name });
          continue;
        }
        const changed = !isDeepStrictEqual(live.properties, r.outputs);
        resources.set(urn, { ...r, id: live.id, outputs: live.properties, inputs: live.inputs ?? r.inputs });
        steps.push({ op: changed ? 'update' : 'same', urn, type: r.type, name: r.name, outputs: live.properties, inputs: live.inputs });
      }
      return steps;
    },

    /** `pulumi destroy`: Delete everything, dependents first. */
    async destroy({ config }) {
      await configureProvider(config);
      const steps = [];
      for (const [urn, r] of [...resources].reverse()) {
        if (r.type !== PASSWORD) await rpc.delete(kindOf(r.type), r.name, r.id, r.outputs, r.inputs);
        resources.delete(urn);
        steps.push({ op: 'delete', urn, type: r.type, name: r.name });
      }
      return steps;
    },

    /**
     * `pulumi import <type> <name> <id>`: Read with the id only; the inputs it returns are checked against themselves
     * (failures are what the engine reports as a provider bug) and recorded. Resolves to { read, check }.
     */
    async importResource({ config, type, name, id }) {
      const { news } = await configureProvider(config);
      provider = { inputs: news, outputs: news };
      const kind = kindOf(type);
      const read = await rpc.read(kind, name, id);
      if (!read.id || !read.properties) throw new Error(`resource '${id}' does not exist`);
      if (!read.inputs) throw new Error('provider does not support importing resources');
      const check = await rpc.check(kind, name, read.inputs, read.inputs);
      resources.set(urnOf(stack, type, name), { type, name, id: read.id, inputs: read.inputs, outputs: read.properties, initErrors: [] });
      return { read, check };
    },
  };
}
