// Whole lifecycles under a stand-in that steps like Pulumi's engine (lib/stand-in.mjs): the program registers
// stacks/local.yaml (copied to a temporary root so it can be edited), the plugin carries out each step against the
// emulator, and the stand-in keeps the state between runs. preview → up → config moves (DiffConfig) → edit → up
// (Diff, then Update with the last outputs) → refresh → import of each kind → up → destroy; a connector saved
// with init errors that the next up finishes; and Ctrl-C (Cancel) while a connector's create waits on Bird.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, startPlugin, startFakeEngine, repoRoot, isSecret, Empty, waitUntil } from './lib/harness.mjs';
import { standInEngine, changes, PASSWORD } from './lib/stand-in.mjs';

const BIRD_KINDS = ['AccessPolicy', 'AccessRole', 'AccessKey', 'Connector', 'WebhookSubscription'].map((k) => `bird:index:${k}`);
const bird = (steps) => steps.filter((s) => s.type !== PASSWORD);
const summary = (steps) => steps.map((s) => `${s.op} ${s.type.split(':').pop()} ${s.name}`).sort();
const mutating = async (emulator) => (await emulator.calls()).filter((c) => c.method !== 'GET');
const failureOf = (result) => `exit ${result.run.code}; stderr: ${result.run.stderr}; logs: ${JSON.stringify(result.engine.logs())}`;

/** A project root holding a copy of stacks/ whose local.yaml the test may edit. */
function scratchRoot() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'birdinfra-standin-'));
  cpSync(path.join(repoRoot, 'stacks'), path.join(root, 'stacks'), { recursive: true });
  const file = path.join(root, 'stacks', 'local.yaml');
  return {
    root,
    edit: (from, to) => {
      const text = readFileSync(file, 'utf8');
      assert.ok(text.includes(from), `stacks/local.yaml has ${from}`);
      writeFileSync(file, text.replace(from, to));
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

describe('stand-in engine: a whole lifecycle', () => {
  let emulator, pluginEngine, plugin, scratch, stand;
  let config;
  // The organization id first comes from BIRD_ORGANIZATION_ID (program and plugin alike), as the README allows.
  const env = () => ({ BIRD_ORGANIZATION_ID: emulator.organizationId });

  before(async () => {
    emulator = await startEmulator({ channelDelaySeconds: 0.3 });
    pluginEngine = await startFakeEngine();
    plugin = await startPlugin({ engineAddress: pluginEngine.address, env: env() });
    scratch = scratchRoot();
    stand = standInEngine(plugin);
    config = { endpoint: emulator.baseUrl, accessKey: emulator.adminAccessKey, workspaceId: emulator.workspaceId };
  });

  after(async () => {
    await plugin?.stop();
    await emulator?.stop();
    await pluginEngine?.close();
    scratch?.remove();
  });

  const up = (options = {}) => stand.up({ config, env: env(), rootDirectory: scratch.root, ...options });

  it('preview of a new stack: every resource a create, nothing sent to Bird but reads', async () => {
    await emulator.clearCalls();
    const result = await up({ dryRun: true });
    assert.equal(result.run.code, 0, failureOf(result));
    assert.equal(bird(result.steps).length, 8);
    assert.deepEqual(new Set(result.steps.map((s) => s.op)), new Set(['create']));
    assert.deepEqual(await mutating(emulator), []);
    assert.equal(stand.state().size, 0, 'a preview records nothing');
  });

  it('up creates the scenario, each Bird object once', async () => {
    await emulator.clearCalls();
    const result = await up();
    assert.equal(result.run.code, 0, failureOf(result));
    assert.deepEqual(new Set(bird(result.steps).map((s) => s.op)), new Set(['create']));
    assert.equal(bird(result.steps).length, 8);
    const posts = (await mutating(emulator)).filter((c) => c.method === 'POST');
    assert.equal(posts.length, 8, posts.map((c) => c.path).join(', '));
    const connector = [...stand.state().values()].find((r) => r.type === 'bird:index:Connector');
    assert.match(connector.outputs.channelId, /^[0-9a-f-]{36}$/);
  });

  it('organizationId moved from the environment into config and the endpoint written with a trailing slash: DiffConfig replaces nothing, the up changes nothing', async () => {
    config = { ...config, organizationId: emulator.organizationId, endpoint: `${emulator.baseUrl}/` };
    await emulator.clearCalls();
    const result = await up();
    assert.equal(result.run.code, 0, failureOf(result));
    assert.deepEqual(result.providerStep.replaces, [], 'the provider is not replaced');
    assert.notEqual(result.providerStep.op, 'replace');
    assert.deepEqual(changes(result.steps), []);
    assert.deepEqual(await mutating(emulator), []);
  });

  it('an edited stack: Diff, then an Update fed with the outputs the plugin returned last time, of exactly the edited resources', async () => {
    scratch.edit('    description: WhatsApp contact center\n    policies:', '    description: WhatsApp contact center (second line)\n    policies:');
    scratch.edit('url: https://contact-center.example.com/bird/whatsapp\n    channel: main-number\n    signingKey: { generate: true }\n  main-outbound',
      'url: https://contact-center.example.com/bird/whatsapp-inbound\n    channel: main-number\n    signingKey: { generate: true }\n  main-outbound');
    const before = stand.state();
    await emulator.clearCalls();
    const result = await up();
    assert.equal(result.run.code, 0, failureOf(result));
    assert.deepEqual(summary(changes(result.steps)), ['update AccessRole contact-center', 'update WebhookSubscription main-inbound']);
    for (const step of changes(result.steps)) {
      assert.deepEqual(step.olds, before.get(step.urn).outputs, `${step.name}: Update gets the last outputs`);
      assert.equal(step.diff.changes, 2, 'Diff said DIFF_SOME');
      assert.deepEqual(step.diff.replaces, []);
      assert.equal(stand.state().get(step.urn).id, before.get(step.urn).id, 'same object');
    }
    const calls = await mutating(emulator);
    assert.equal(calls.length, 2, calls.map((c) => `${c.method} ${c.path}`).join(', '));
    const role = stand.state().get(changes(result.steps).find((s) => s.type === 'bird:index:AccessRole').urn);
    const live = await emulator.get(`/organizations/${emulator.organizationId}/iam-roles/${role.id}`);
    assert.equal(live.body.description, 'WhatsApp contact center (second line)');
    const hook = stand.state().get(changes(result.steps).find((s) => s.type === 'bird:index:WebhookSubscription').urn);
    assert.equal(hook.outputs.url, 'https://contact-center.example.com/bird/whatsapp-inbound');
    assert.ok(isSecret(hook.outputs.signingKey), 'the signing key stays secret in the new outputs');
  });

  it('the next up changes nothing', async () => {
    await emulator.clearCalls();
    const result = await up();
    assert.equal(result.run.code, 0, failureOf(result));
    assert.deepEqual(changes(result.steps), []);
    assert.deepEqual(await mutating(emulator), []);
  });

  it('refresh reads every resource back unchanged; one deleted outside Pulumi leaves state, and the next up creates only it', async () => {
    const before = stand.state();
    const same = await stand.refresh({ config });
    assert.equal(same.length, 8);
    for (const step of same) assert.equal(stand.state().get(step.urn).id, before.get(step.urn).id);
    assert.deepEqual(changes(same), []);

    const [urn, gone] = [...stand.state()].find(([, r]) => r.name === 'channel-created');
    const res = await fetch(`${emulator.baseUrl}/organizations/${emulator.organizationId}/workspaces/${emulator.workspaceId}/webhook-subscriptions/${gone.id}`,
      { method: 'DELETE', headers: { Authorization: `AccessKey ${emulator.adminAccessKey}` } });
    assert.equal(res.status, 204);
    const refreshed = await stand.refresh({ config });
    assert.deepEqual(summary(changes(refreshed)), ['delete WebhookSubscription channel-created']);
    assert.ok(!stand.state().has(urn));

    await emulator.clearCalls();
    const result = await up();
    assert.equal(result.run.code, 0, failureOf(result));
    assert.deepEqual(summary(changes(result.steps)), ['create WebhookSubscription channel-created']);
    assert.equal((await mutating(emulator)).length, 1);
  });

  it('import of each kind (Read with the id only) gives inputs that pass Check, and the next up neither replaces nor updates anything', async () => {
    const fresh = standInEngine(plugin);
    const imported = [...stand.state().values()].filter((r) => BIRD_KINDS.includes(r.type));
    assert.deepEqual(new Set(imported.map((r) => r.type)), new Set(BIRD_KINDS));
    await emulator.clearCalls();
    const failures = [];
    for (const r of imported) {
      const { read, check } = await fresh.importResource({ config, type: r.type, name: r.name, id: r.id });
      assert.equal(read.id, r.id);
      failures.push(...check.failures.map((f) => `${r.type} ${r.name}: ${f.property}: ${f.reason}`));
    }
    assert.deepEqual(await mutating(emulator), [], 'import only reads');

    const result = await fresh.up({ config, env: env(), rootDirectory: scratch.root });
    assert.equal(result.run.code, 0, failureOf(result));
    const changed = bird(changes(result.steps)).map((s) => `${s.op} ${s.type} ${s.name}: ${JSON.stringify(s.diff?.detailed ?? {})}`);
    assert.deepEqual({ failures, changed }, { failures: [], changed: [] }, 'the read inputs pass Check; no Bird resource is replaced or updated');
    assert.deepEqual(await mutating(emulator), []);
    stand = fresh;
  });

  it('destroy deletes everything, dependents first, and Bird holds none of it', async () => {
    await emulator.clearCalls();
    const steps = await stand.destroy({ config });
    const order = bird(steps).map((s) => s.type);
    const last = (type) => order.lastIndexOf(type);
    const first = (type) => order.indexOf(type);
    assert.ok(last('bird:index:WebhookSubscription') < first('bird:index:Connector'));
    assert.ok(last('bird:index:AccessKey') < first('bird:index:AccessRole'));
    assert.ok(last('bird:index:AccessRole') < first('bird:index:AccessPolicy'));
    assert.equal(stand.state().size, 0);
    const deletes = (await mutating(emulator)).filter((c) => c.method === 'DELETE');
    assert.equal(deletes.length, 8);
    const org = `/organizations/${emulator.organizationId}`;
    const list = async (p) => (await emulator.get(p)).body.results;
    assert.deepEqual(await list(`${org}/iam-policies?limit=100`), []);
    assert.deepEqual(await list(`${org}/iam-roles?limit=100`), []);
    assert.deepEqual((await list(`${org}/access-keys?limit=100`)).filter((k) => k.name === 'ucx-contact-center'), []);
    assert.deepEqual(await list(`/workspaces/${emulator.workspaceId}/connectors?limit=100`), []);
    assert.deepEqual(await list(`${org}/workspaces/${emulator.workspaceId}/webhook-subscriptions?limit=100`), []);
  });
});

describe('stand-in engine: a connector saved with init errors', () => {
  let emulator, pluginEngine, plugin, scratch, stand, config;

  before(async () => {
    // The channel appears 2 s after the connector; the first run waits 0.3 s for it.
    emulator = await startEmulator({ channelDelaySeconds: 2 });
    pluginEngine = await startFakeEngine();
    plugin = await startPlugin({ engineAddress: pluginEngine.address });
    scratch = scratchRoot();
    stand = standInEngine(plugin);
    config = { endpoint: emulator.baseUrl, accessKey: emulator.adminAccessKey, organizationId: emulator.organizationId, workspaceId: emulator.workspaceId };
  });

  after(async () => {
    await plugin?.stop();
    await emulator?.stop();
    await pluginEngine?.close();
    scratch?.remove();
  });

  it('is recorded with its id when the channel is late, and the next up updates it to completion: one connector, its channel, the run green', async () => {
    const first = await stand.up({ config: { ...config, channelTimeoutSeconds: '0.3' }, rootDirectory: scratch.root });
    assert.notEqual(first.run.code, 0, 'the first run fails on the late channel');
    const [urn, saved] = [...stand.state()].find(([, r]) => r.type === 'bird:index:Connector');
    assert.match(saved.id, /^[0-9a-f-]{36}$/);
    assert.ok(saved.initErrors.length > 0 && saved.initErrors[0].includes('channel did not appear'), saved.initErrors.join('; '));

    await emulator.clearCalls();
    const second = await stand.up({ config, rootDirectory: scratch.root });
    assert.equal(second.run.code, 0, failureOf(second));
    assert.notEqual(second.providerStep.op, 'replace', 'a longer channel timeout replaces nothing');
    const step = second.steps.find((s) => s.urn === urn);
    assert.equal(step.op, 'update', 'init errors in state make an Update even without a diff');
    assert.equal(step.diff.changes, 1, 'Diff said DIFF_NONE');
    assert.deepEqual(step.initErrors, saved.initErrors);
    const done = stand.state().get(urn);
    assert.equal(done.id, saved.id);
    assert.deepEqual(done.initErrors, []);
    const channel = await emulator.get(`/workspaces/${emulator.workspaceId}/channels/${done.outputs.channelId}`);
    assert.equal(channel.status, 200, 'the Update returned the channel Bird made');
    const connectors = (await emulator.get(`/workspaces/${emulator.workspaceId}/connectors?limit=100`)).body.results;
    assert.equal(connectors.length, 1, 'no second connector');
    assert.deepEqual((await mutating(emulator)).filter((c) => c.path.includes('/connectors')), [], 'the Update sends no change for the connector');
  });
});

describe('stand-in engine: Ctrl-C while a connector create waits on Bird', () => {
  let emulator, pluginEngine, scratch, config;
  const plugins = [];

  before(async () => {
    // The channel appears 8 s after the connector: the first run is cancelled while its create waits for it.
    emulator = await startEmulator({ channelDelaySeconds: 8 });
    pluginEngine = await startFakeEngine();
    scratch = scratchRoot();
    config = { endpoint: emulator.baseUrl, accessKey: emulator.adminAccessKey, organizationId: emulator.organizationId, workspaceId: emulator.workspaceId };
  });

  after(async () => {
    for (const p of plugins) await p.stop();
    await emulator?.stop();
    await pluginEngine?.close();
    scratch?.remove();
  });

  const newPlugin = async () => {
    const plugin = await startPlugin({ engineAddress: pluginEngine.address });
    plugins.push(plugin);
    return plugin;
  };

  it('the create comes back with its id and is recorded; the next up (a new plugin) finishes it: one connector, the run green', async () => {
    const first = await newPlugin();
    const stand = standInEngine(first);
    const running = stand.up({ config, rootDirectory: scratch.root });
    const connectorPosted = async () => (await emulator.calls()).some((c) => c.method === 'POST' && c.path.endsWith('/connectors'));
    await waitUntil(connectorPosted, 'the connector create to reach Bird');
    const cancelled = performance.now();
    await first.call('cancel', new Empty());
    const interrupted = await running;
    console.log(`Ctrl-C: the cancelled run ended ${(performance.now() - cancelled).toFixed(0)} ms after Cancel (channel delay 8 s)`);
    assert.notEqual(interrupted.run.code, 0, 'the cancelled run fails');
    const [urn, saved] = [...stand.state()].find(([, r]) => r.type === 'bird:index:Connector');
    assert.match(saved.id, /^[0-9a-f-]{36}$/, 'the engine recorded the connector Bird made');
    assert.ok(saved.initErrors.length > 0);

    stand.usePlugin(await newPlugin());
    const second = await stand.up({ config, rootDirectory: scratch.root });
    assert.equal(second.run.code, 0, failureOf(second));
    assert.deepEqual(bird(second.steps).filter((s) => s.op === 'replace'), []);
    assert.equal(second.steps.find((s) => s.urn === urn).op, 'update');
    const done = stand.state().get(urn);
    assert.equal(done.id, saved.id);
    assert.match(done.outputs.channelId, /^[0-9a-f-]{36}$/);
    const connectors = (await emulator.get(`/workspaces/${emulator.workspaceId}/connectors?limit=100`)).body.results;
    assert.deepEqual(connectors.map((c) => c.id), [saved.id], 'exactly the recorded connector, no duplicate');
    const subscriptions = (await emulator.get(`/organizations/${emulator.organizationId}/workspaces/${emulator.workspaceId}/webhook-subscriptions?limit=100`)).body.results;
    assert.equal(subscriptions.length, 4);
  });
});
