// Issue 6 for the Pulumi plugin: Create of every kind while the emulator injects faults (5xx after Bird applied the
// create, dropped connections after it, 429 bursts). The plugin settles a lost answer inside the call, as the built-in
// engine does: Bird ends with exactly one object per resource, the id the engine records is that object, an access key
// comes back with a working token (never a second live key, never a key whose token nobody has), and no secret reaches
// the plugin's stderr. Objects are counted through the emulator's admin API.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, startPlugin, startFakeEngine, configure, emulatorConfig, secret, reveal, statusDetails, providerPb } from './lib/harness.mjs';
import { engine } from './lib/engine.mjs';

const CONNECTOR_TOKEN = 'EAAGfaultsMetaToken0123456789';
const SIGNING_KEY = 'ZmF1bHRzLXNpZ25pbmcta2V5LWNvbmZvcm1hbmNl';

const MODES = [
  { name: '500 after apply', rule: { errorRate: 1, errorStatus: 500, phase: 'after', remaining: 1 }, lost: true },
  { name: 'dropped connection after apply', rule: { dropRate: 1, phase: 'after', remaining: 1 }, lost: true },
  { name: '429 burst', rule: { tooManyRequestsRate: 1, retryAfterSeconds: 1, remaining: 3 }, lost: false },
];

describe('Create under injected faults adopts, never duplicates', () => {
  let emulator, fakeEngine, plugin, rpc;
  const admin = () => ({ Authorization: `AccessKey ${emulator.adminAccessKey}`, 'Content-Type': 'application/json' });
  const addFault = async (rule) => {
    const res = await fetch(`${emulator.baseUrl}/_emulator/faults`, { method: 'POST', headers: admin(), body: JSON.stringify(rule) });
    assert.equal(res.status, 201, await res.text());
  };
  const clearFaults = () => fetch(`${emulator.baseUrl}/_emulator/faults`, { method: 'DELETE', headers: admin() });
  const list = async (p) => (await emulator.get(`${p}?limit=100`)).body.results;
  const org = () => `/organizations/${emulator.organizationId}`;
  const subs = () => `${org()}/workspaces/${emulator.workspaceId}/webhook-subscriptions`;
  const figures = { creates: 0, faultsInjected: 0, duplicates: 0, keysRedone: 0 };

  before(async () => {
    emulator = await startEmulator({ channelDelaySeconds: 0.3 });
    fakeEngine = await startFakeEngine();
    plugin = await startPlugin({ engineAddress: fakeEngine.address });
    rpc = engine(plugin);
    await configure(plugin, emulatorConfig(emulator, { requestTimeoutSeconds: '5' }));
  });

  after(async () => {
    console.log(`PLUGIN-FAULTS creates=${figures.creates} faultsInjected=${figures.faultsInjected} duplicates=${figures.duplicates} keysRedone=${figures.keysRedone}`);
    await plugin?.stop();
    await emulator?.stop();
    await fakeEngine?.close();
  });

  // Each kind: its POST path, its inputs (unique per mode), and how to find its objects with the same natural key.
  const kinds = (m, ids) => [
    { type: 'AccessPolicy', post: () => `${org()}/iam-policies`, inputs: () => ({ name: `faults-policy-${m}`, definitions: [{ effect: 'allow', actions: ['view'], resources: ['/workspaces/*/channels/*'] }] }),
      same: async () => (await list(`${org()}/iam-policies`)).filter((p) => p.name === `faults-policy-${m}`) },
    { type: 'AccessRole', post: () => `${org()}/iam-roles`, inputs: () => ({ name: `faults-role-${m}`, policies: [{ id: ids.AccessPolicy }] }),
      same: async () => (await list(`${org()}/iam-roles`)).filter((r) => r.name === `faults-role-${m}`) },
    { type: 'AccessKey', post: () => `${org()}/access-keys`, inputs: () => ({ name: `faults-key-${m}`, description: 'faults', roleRefs: [{ id: ids.AccessRole }] }),
      same: async () => (await list(`${org()}/access-keys`)).filter((k) => k.name === `faults-key-${m}`) },
    { type: 'Connector', post: () => `/workspaces/${emulator.workspaceId}/connectors`, inputs: () => ({ name: `faults-connector-${m}`, wabaId: '1234567890', phoneId: '1098765432', phoneNumber: `+3161234500${m}`, accessToken: secret(CONNECTOR_TOKEN) }),
      same: async () => (await list(`/workspaces/${emulator.workspaceId}/connectors`)).filter((c) => c.arguments.phoneNumber === `+3161234500${m}`) },
    { type: 'WebhookSubscription', post: () => subs(), inputs: () => ({ service: 'channels', event: 'channel.created', url: `https://hooks.example.com/faults-${m}`, signingKey: secret(SIGNING_KEY) }),
      same: async () => (await list(subs())).filter((s) => s.url === `https://hooks.example.com/faults-${m}`) },
  ];

  MODES.forEach((mode, m) => {
    describe(mode.name, () => {
      const ids = {};
      for (const k of kinds(m, ids)) {
        it(`${k.type}: one object in Bird, the one the engine records`, async () => {
          const raw = k.inputs();
          const { inputs, failures } = await rpc.check(k.type, k.type, raw);
          assert.deepEqual(failures, []);
          await emulator.clearCalls();
          await addFault({ method: 'POST', path: k.post(), ...mode.rule });
          const { id, properties } = await rpc.create(k.type, k.type, inputs);
          await clearFaults();
          const calls = await emulator.calls();
          figures.creates += 1;
          figures.faultsInjected += calls.filter((c) => c.fault).length;
          assert.ok(calls.some((c) => c.fault), 'the fault fired');

          const same = await k.same();
          figures.duplicates += Math.max(0, same.length - 1);
          assert.equal(same.length, 1, `exactly one ${k.type} with this natural key: ${JSON.stringify(same.map((o) => o.id))}`);
          assert.equal(same[0].id, id, 'the engine records the object Bird holds');
          ids[k.type] = id;

          const posts = calls.filter((c) => c.method === 'POST' && c.path === k.post());
          if (k.type === 'AccessKey' && mode.lost) {
            // The key Bird made with the lost answer is deleted and made again: its token was never seen.
            figures.keysRedone += 1;
            assert.equal(posts.length, 2, 'the lost create and the one made again');
            assert.equal(posts.filter((c) => c.status === 201).length, 1);
            assert.ok(calls.some((c) => c.method === 'DELETE' && c.path.startsWith(`${k.post()}/`) && c.status === 204), 'the tokenless key was deleted');
          } else if (mode.lost) {
            assert.equal(posts.length, 1, 'a create whose answer was lost is adopted, not sent again');
          }

          if (k.type === 'AccessKey') {
            const token = reveal(properties.token);
            assert.ok(token && token.length > 10, 'the key comes back with its token');
            const probe = await fetch(`${emulator.baseUrl}/workspaces/${emulator.workspaceId}/channels`, { headers: { Authorization: `AccessKey ${token}` } });
            assert.notEqual(probe.status, 401, 'the token belongs to the live key');
          }
          if (k.type === 'Connector') assert.ok(reveal(properties.channelId), 'the adopted connector has its channel');
        });
      }
    });
  });

  it('when the lookup fails too, a policy is handed to the engine as a partial create (recorded, so the next up does not create it again)', async () => {
    const name = 'faults-policy-lookup-lost';
    const { inputs } = await rpc.check('AccessPolicy', 'lost', { name, definitions: [{ effect: 'allow', actions: ['view'], resources: ['/workspaces/*/channels/*'] }] });
    await addFault({ method: 'POST', path: `${org()}/iam-policies`, errorRate: 1, errorStatus: 503, phase: 'after', remaining: 1 });
    await addFault({ method: 'GET', path: `${org()}/iam-policies`, errorRate: 1, errorStatus: 503, remaining: 5 });
    const err = await rpc.create('AccessPolicy', 'lost', inputs).then(() => null, (e) => e);
    await clearFaults();
    assert.ok(err, 'the create cannot finish');
    const status = statusDetails(err);
    assert.equal(status?.details?.[0]?.typeUrl, 'type.googleapis.com/pulumirpc.ErrorResourceInitFailed', err.details);
    const init = providerPb.ErrorResourceInitFailed.deserializeBinary(status.details[0].value);
    const same = (await list(`${org()}/iam-policies`)).filter((p) => p.name === name);
    assert.deepEqual(same.map((p) => p.id), [init.getId()], 'the one policy Bird holds is the one recorded');
  });

  it('when the lookup fails too, an access key Bird made is deleted, and the retried Create makes exactly one key with a token', async () => {
    const roles = await list(`${org()}/iam-roles`);
    const name = 'faults-key-lookup-lost';
    const { inputs } = await rpc.check('AccessKey', 'lostkey', { name, description: 'faults', roleRefs: [{ id: roles[0].id }] });
    await addFault({ method: 'POST', path: `${org()}/access-keys`, dropRate: 1, phase: 'after', remaining: 1 });
    await addFault({ method: 'GET', path: `${org()}/access-keys`, errorRate: 1, errorStatus: 500, remaining: 5 });
    const err = await rpc.create('AccessKey', 'lostkey', inputs).then(() => null, (e) => e);
    await clearFaults();
    assert.ok(err, 'the create cannot finish');
    assert.match(err.details, /create AccessKey 'faults-key-lookup-lost' failed/);
    assert.match(err.details, /was deleted because its secret was lost/);
    assert.equal((await list(`${org()}/access-keys`)).filter((k) => k.name === name).length, 0, 'no live key whose token nobody has');

    const retried = await rpc.create('AccessKey', 'lostkey', inputs);
    const live = (await list(`${org()}/access-keys`)).filter((k) => k.name === name);
    assert.deepEqual(live.map((k) => k.id), [retried.id], 'exactly one live key, the one recorded');
    assert.ok(reveal(retried.properties.token));
  });

  it('no secret reaches the plugin stderr', () => {
    const stderr = plugin.stderr();
    for (const s of [CONNECTOR_TOKEN, SIGNING_KEY, emulator.adminAccessKey]) assert.ok(!stderr.includes(s), 'a secret leaked to stderr');
  });
});
