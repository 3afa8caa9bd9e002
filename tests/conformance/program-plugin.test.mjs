// The whole chain `pulumi up` runs, with the engine's part played by our stand-in: the program (Pulumi.yaml's
// binary) registers stacks/local.yaml, each Bird registration is carried out by providers/pulumi-resource-bird
// (Check, then Create) against the emulator, each password by a stand-in for Pulumi.Random. Then Bird holds exactly
// the scenario, the stack outputs are the real channel id and a working token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startEmulator, startPlugin, startFakeEngine, configure, emulatorConfig, isSecret, secret, reveal, UNKNOWN } from './lib/harness.mjs';
import { engine as providerEngine } from './lib/engine.mjs';
import { startEngine, runProgram } from './lib/program.mjs';

let emulator;
let pluginEngine;
let plugin;
let engine;
let run;
const passwords = [];

before(async () => {
  emulator = await startEmulator({ channelDelaySeconds: 0.3 });
  pluginEngine = await startFakeEngine();
  plugin = await startPlugin({ engineAddress: pluginEngine.address });
  await configure(plugin, emulatorConfig(emulator));
  const rpc = providerEngine(plugin);
  engine = await startEngine({
    stack: 'local',
    dryRun: false,
    async answer(reg) {
      if (reg.type === 'random:index/randomPassword:RandomPassword') {
        const result = randomBytes(reg.object.length).toString('base64url').slice(0, reg.object.length);
        passwords.push(result);
        return { id: 'none', object: { ...reg.object, result: secret(result), bcryptHash: secret('$2a$10$x') } };
      }
      const kind = reg.type.split(':')[2];
      const checked = await rpc.check(kind, reg.name, reg.object);
      if (checked.failures.length > 0) throw new Error(`Check failed: ${JSON.stringify(checked.failures)}`);
      const created = await rpc.create(kind, reg.name, checked.inputs, false);
      return { id: created.id, object: created.properties };
    },
  });
  await emulator.clearCalls();
  run = await runProgram({
    engine,
    stack: 'local',
    dryRun: false,
    config: {
      'bird:endpoint': emulator.baseUrl,
      'bird:organizationId': emulator.organizationId,
      'bird:workspaceId': emulator.workspaceId,
      'bird:accessKey': emulator.adminAccessKey,
    },
    secretKeys: ['bird:accessKey'],
  });
  console.log(`program + plugin + emulator, local stack: exit ${run.code} in ${run.ms.toFixed(0)} ms`);
});

after(async () => {
  await engine?.stop();
  await plugin?.stop();
  await emulator?.stop();
  await pluginEngine?.close();
});

test('the program exits 0 and Bird holds exactly the scenario, once', async () => {
  assert.equal(run.code, 0, `stderr: ${run.stderr}; logs: ${JSON.stringify(engine.logs())}`);
  const org = `/organizations/${emulator.organizationId}`;
  const list = async (p) => (await emulator.get(`${p}${p.includes('?') ? '&' : '?'}limit=100`)).body.results;
  const policies = await list(`${org}/iam-policies`);
  assert.deepEqual(policies.map((p) => p.name), ['ucx-contact-center']);
  const rows = policies[0].definitions.flatMap((d) => d.resources.map((r) => `${d.effect} ${d.actions.join(',')} ${r}`));
  assert.equal(rows.length, 6, 'the six permission rows');
  assert.deepEqual((await list(`${org}/iam-roles`)).map((r) => r.name), ['ucx-contact-center']);
  assert.deepEqual((await list(`${org}/access-keys`)).map((k) => k.name), ['ucx-contact-center']);
  const connectors = await list(`/workspaces/${emulator.workspaceId}/connectors`);
  assert.equal(connectors.length, 1);
  const subscriptions = await list(`${org}/workspaces/${emulator.workspaceId}/webhook-subscriptions`);
  assert.equal(subscriptions.length, 4);
  const posts = (await emulator.calls()).filter((c) => c.method === 'POST');
  assert.equal(posts.length, 8, `one create per resource: ${posts.map((c) => c.path).join(', ')}`);
});

test('the stack outputs carry the real channel id and a working access key token, as a secret', async () => {
  const outputs = engine.events.find((e) => e.rpc === 'RegisterResourceOutputs').outputs;
  const channelId = outputs.channelIds['main-number'];
  const channel = await emulator.get(`/workspaces/${emulator.workspaceId}/channels/${channelId}`);
  assert.equal(channel.status, 200, 'the output names the channel Bird created');
  const subscriptions = (await emulator.get(`/organizations/${emulator.organizationId}/workspaces/${emulator.workspaceId}/webhook-subscriptions?limit=100`)).body.results;
  const filtered = subscriptions.filter((s) => (s.eventFilters ?? []).some((f) => f.key === 'channelId'));
  assert.equal(filtered.length, 3);
  for (const s of filtered) assert.equal(s.eventFilters.find((f) => f.key === 'channelId').value, channelId);

  const token = outputs.accessKeyTokens['contact-center'];
  assert.ok(isSecret(token));
  // The contact center's key may view channels (policy row "view /workspaces/*/channels/*").
  const res = await fetch(`${emulator.baseUrl}/workspaces/${emulator.workspaceId}/channels/${channelId}`, { headers: { Authorization: `AccessKey ${reveal(token)}` } });
  assert.equal(res.status, 200);
});

test('no token or generated password appears in plaintext in any request, log or output of the run', () => {
  const token = reveal(engine.events.find((e) => e.rpc === 'RegisterResourceOutputs').outputs.accessKeyTokens['contact-center']);
  // Strings outside secret envelopes: where a secret must never be.
  const plain = [];
  const walk = (v) => {
    if (typeof v === 'string') plain.push(v);
    else if (isSecret(v)) return;
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(engine.events);
  const text = plain.join('\n') + run.stdout + run.stderr + plugin.stderr();
  assert.equal(passwords.length, 5, 'four signing keys and the connector token are generated');
  for (const s of [token, ...passwords]) assert.ok(!text.includes(s), 'a secret leaked');
  for (const r of engine.registrations()) {
    for (const field of ['accessToken', 'signingKey']) if (field in r.object) assert.ok(isSecret(r.object[field]), `${r.name}.${field} wrapped`);
  }
});

test('a preview through the plugin sends nothing mutating to Bird and passes unknowns on', async () => {
  const rpc = providerEngine(plugin);
  const preview = await startEngine({
    stack: 'local',
    dryRun: true,
    async answer(reg) {
      if (reg.type === 'random:index/randomPassword:RandomPassword') return { id: '', object: { ...reg.object, result: secret(UNKNOWN) } };
      const kind = reg.type.split(':')[2];
      const checked = await rpc.check(kind, `${reg.name}-preview`, reg.object);
      if (checked.failures.length > 0) throw new Error(`Check failed: ${JSON.stringify(checked.failures)}`);
      const created = await rpc.create(kind, `${reg.name}-preview`, checked.inputs, true);
      return { id: created.id, object: created.properties };
    },
  });
  try {
    await emulator.clearCalls();
    const result = await runProgram({
      engine: preview,
      stack: 'local',
      dryRun: true,
      config: { 'bird:organizationId': emulator.organizationId, 'bird:workspaceId': emulator.workspaceId },
    });
    assert.equal(result.code, 0, `stderr: ${result.stderr}; logs: ${JSON.stringify(preview.logs())}`);
    assert.deepEqual((await emulator.calls()).filter((c) => c.method !== 'GET'), []);
    const outputs = preview.events.find((e) => e.rpc === 'RegisterResourceOutputs').outputs;
    assert.equal(outputs.channelIds['main-number'], UNKNOWN);
    const inbound = preview.registrations().find((r) => r.name === 'main-inbound');
    assert.equal(inbound.object.eventFilters.find((f) => f.key === 'channelId').value, UNKNOWN);
  } finally {
    await preview.stop();
  }
});
