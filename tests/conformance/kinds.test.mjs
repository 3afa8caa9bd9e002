// Walks every Bird kind through the engine's call sequence against the emulator: Check (valid and invalid), Create in
// preview (unknowns, no Bird call) and for real, Read, Diff (no change / update / replace), Update, Delete.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http2 from 'node:http2';
import { startEmulator, startPlugin, startFakeEngine, configure, emulatorConfig, secret, isSecret, reveal, UNKNOWN, REF_SIG, SIG, pluginPb } from './lib/harness.mjs';
import { engine, DIFF, KIND } from './lib/engine.mjs';

const CONNECTOR_TOKEN = 'EAAGmetaLongLivedToken0123456789';
const SIGNING_KEY = 'c2lnbmluZy1rZXktZm9yLWNvbmZvcm1hbmNl';

describe('every kind through the provider protocol', () => {
  let emulator, fakeEngine, plugin, rpc;
  const state = {};

  before(async () => {
    emulator = await startEmulator({ channelDelaySeconds: 0.5 });
    fakeEngine = await startFakeEngine();
    plugin = await startPlugin({ engineAddress: fakeEngine.address });
    rpc = engine(plugin);
    await configure(plugin, emulatorConfig(emulator));
  });

  after(async () => {
    await plugin?.stop();
    await emulator?.stop();
    await fakeEngine?.close();
  });

  // In dependency order; each kind's inputs may use ids created before it.
  const kinds = [
    {
      type: 'AccessPolicy',
      inputs: () => ({ name: 'conformance-policy', description: 'conformance', definitions: [{ effect: 'allow', actions: ['view', 'create'], resources: ['/workspaces/*/channels/*/messages'] }] }),
      invalid: { news: { name: 'p', definitions: [{ effect: 'maybe', actions: ['view'], resources: ['/x'] }] }, property: 'definitions[0].effect' },
      replace: (i) => ({ ...i, name: 'conformance-policy-2' }),
      replaceProperty: 'name',
      assigned: ['type', 'scope'],
      birdPath: (id) => `/organizations/${emulator.organizationId}/iam-policies/${id}`,
    },
    {
      type: 'AccessRole',
      // The policy arrives as a resource reference, as the engine sends it to a provider that accepts references.
      inputs: () => ({ name: 'conformance-role', description: 'first', policies: [{ id: { [SIG]: REF_SIG, urn: 'urn:pulumi:test::conformance::bird:index:AccessPolicy::p', id: state.AccessPolicy.id } }] }),
      invalid: { news: { name: '', policies: [{ id: 'x', type: 'weird' }] }, property: 'policies[0].type' },
      update: (i) => ({ ...i, description: 'second' }),
      updateProperty: 'description',
      assigned: ['type'],
      birdPath: (id) => `/organizations/${emulator.organizationId}/iam-roles/${id}`,
      afterCheck: (inputs) => assert.equal(inputs.policies[0].id, state.AccessPolicy.id, 'a resource reference is read as its id'),
    },
    {
      type: 'AccessKey',
      inputs: () => ({ name: 'conformance-key', description: 'conformance', roleRefs: [{ id: state.AccessRole.id }] }),
      invalid: { news: { description: 'no name' }, property: 'name' },
      replace: (i) => ({ ...i, description: 'rotated' }),
      replaceProperty: 'description',
      assigned: ['suffix', 'token'],
      secrets: ['token'],
      birdPath: (id) => `/organizations/${emulator.organizationId}/access-keys/${id}`,
    },
    {
      type: 'Connector',
      inputs: () => ({ name: 'conformance-connector', wabaId: '1234567890', phoneId: '1098765432', phoneNumber: '+31612345678', accessToken: secret(CONNECTOR_TOKEN) }),
      invalid: { news: { name: 'c', wabaId: '1', phoneId: '2', phoneNumber: '0612345678', accessToken: secret(CONNECTOR_TOKEN) }, property: 'phoneNumber' },
      replace: (i) => ({ ...i, name: 'conformance-connector-2' }),
      replaceProperty: 'name',
      deleteBeforeReplace: true,
      assigned: ['channelId', 'platform', 'channelStatus'],
      // Ready means the channel exists and Bird says it works: the emulator's channel is 'pending' first.
      afterCreate: (properties) => assert.equal(reveal(properties.channelStatus), 'active', 'create waits until the channel is active'),
      secrets: ['accessToken'],
      secretValues: [CONNECTOR_TOKEN],
      // Bird never returns the Meta access token: an import cannot know it, so Check asks the program for it.
      neverReturned: ['accessToken'],
      birdPath: (id) => `/workspaces/${emulator.workspaceId}/connectors/${id}`,
    },
    {
      type: 'WebhookSubscription',
      inputs: () => ({ service: 'channels', event: 'whatsapp.inbound', url: 'https://hooks.example.com/bird', signingKey: secret(SIGNING_KEY), eventFilters: [{ key: 'channelId', value: state.Connector.outputs.channelId }] }),
      invalid: { news: { service: 'channels', event: 'whatsapp.inbound', url: 'http://hooks.example.com/bird' }, property: 'url' },
      update: (i) => ({ ...i, url: 'https://hooks.example.com/bird-v2' }),
      updateProperty: 'url',
      replace: (i) => ({ ...i, event: 'whatsapp.outbound', eventFilters: [] }),
      replaceProperty: 'event',
      assigned: ['organizationId', 'workspaceId'],
      secrets: ['signingKey'],
      secretValues: [SIGNING_KEY],
      birdPath: (id) => `/organizations/${emulator.organizationId}/workspaces/${emulator.workspaceId}/webhook-subscriptions/${id}`,
    },
  ];

  for (const k of kinds) {
    describe(k.type, () => {
      it('Check reports a failure naming the property for invalid input', async () => {
        const { failures } = await rpc.check(k.type, 'bad', k.invalid.news);
        assert.ok(failures.length > 0, 'expected failures');
        assert.ok(failures.some((f) => f.property === k.invalid.property), `no failure for ${k.invalid.property}: ${JSON.stringify(failures)}`);
        for (const f of failures) assert.ok(f.reason.length > 10, 'a failure explains itself');
      });

      it('Check accepts valid input and returns checked inputs', async () => {
        const { inputs, failures } = await rpc.check(k.type, k.type, k.inputs());
        assert.deepEqual(failures, []);
        for (const s of k.secrets ?? []) if (s in inputs) assert.ok(isSecret(inputs[s]), `${s} stays secret in checked inputs`);
        k.afterCheck?.(inputs);
        state[k.type] = { inputs };
      });

      it('Create in preview returns unknowns for what Bird assigns and calls no Bird API', async () => {
        await emulator.clearCalls();
        const { id, properties } = await rpc.create(k.type, k.type, state[k.type].inputs, true);
        assert.equal(id, '');
        for (const a of k.assigned) assert.equal(reveal(properties[a]), UNKNOWN, `${a} is unknown in preview`);
        for (const s of k.secrets ?? []) assert.ok(isSecret(properties[s]), `${s} is secret in preview`);
        assert.deepEqual(await emulator.calls(), [], 'preview must not call Bird');
      });

      it('Create makes the object in Bird and returns secret outputs wrapped', async () => {
        const { id, properties } = await rpc.create(k.type, k.type, state[k.type].inputs);
        assert.match(id, /^[0-9a-f-]{36}$/);
        const live = await emulator.get(k.birdPath(id));
        assert.equal(live.status, 200);
        for (const a of k.assigned) assert.notEqual(reveal(properties[a]), UNKNOWN);
        k.afterCreate?.(properties);
        for (const s of k.secrets ?? []) {
          assert.ok(isSecret(properties[s]), `${s} must come back as a secret`);
          assert.equal(typeof properties[s].value, 'string');
        }
        const plain = JSON.stringify(Object.fromEntries(Object.entries(properties).filter(([p]) => !(k.secrets ?? []).includes(p))));
        for (const v of k.secretValues ?? []) assert.ok(!plain.includes(v), 'secret value outside its secret wrapper');
        state[k.type] = { ...state[k.type], id, outputs: Object.fromEntries(Object.entries(properties).map(([p, v]) => [p, p === 'channelId' ? reveal(v) : v])) };
      });

      it('Read returns the live object, its inputs, and secrets still wrapped', async () => {
        const s = state[k.type];
        const { id, properties, inputs } = await rpc.read(k.type, k.type, s.id, s.outputs, s.inputs);
        assert.equal(id, s.id);
        assert.ok(inputs, 'Read returns inputs');
        for (const p of Object.keys(s.inputs)) assert.ok(p in properties, `${p} in read properties`);
        for (const sec of k.secrets ?? []) assert.ok(isSecret(properties[sec]), `${sec} wrapped after read`);
      });

      it('Read with only the id (import) returns properties and inputs that Check accepts', async () => {
        const { id, properties, inputs } = await rpc.read(k.type, k.type, state[k.type].id);
        assert.equal(id, state[k.type].id);
        assert.ok(properties && inputs);
        // `pulumi import` checks the inputs Read returned and shows any failure as a provider bug.
        const { failures } = await rpc.check(k.type, k.type, inputs);
        const refused = failures.filter((f) => !(k.neverReturned ?? []).includes(f.property));
        assert.deepEqual(refused, [], `Check refused the imported inputs ${JSON.stringify(inputs)}`);
      });

      it('Diff with no change is DIFF_NONE', async () => {
        const s = state[k.type];
        const d = await rpc.diff(k.type, k.type, s.id, s.outputs, s.inputs, s.inputs);
        assert.equal(d.changes, DIFF.DIFF_NONE);
        assert.deepEqual(d.replaces, []);
      });

      if (k.update) {
        it('Diff of an in-place change is DIFF_SOME with an UPDATE detailed diff and no replacement', async () => {
          const s = state[k.type];
          const d = await rpc.diff(k.type, k.type, s.id, s.outputs, s.inputs, k.update(s.inputs));
          assert.equal(d.changes, DIFF.DIFF_SOME);
          assert.deepEqual(d.replaces, []);
          assert.ok(d.hasDetailedDiff);
          assert.deepEqual(d.detailed[k.updateProperty], { kind: KIND.UPDATE, inputDiff: true });
          assert.ok(d.diffs.includes(k.updateProperty));
        });

        it('Diff honours ignoreChanges', async () => {
          const s = state[k.type];
          const d = await rpc.diff(k.type, k.type, s.id, s.outputs, s.inputs, k.update(s.inputs), [k.updateProperty]);
          assert.equal(d.changes, DIFF.DIFF_NONE);
        });

        it('Update in preview calls no Bird API', async () => {
          const s = state[k.type];
          await emulator.clearCalls();
          const { properties } = await rpc.update(k.type, k.type, s.id, s.outputs, s.inputs, k.update(s.inputs), true);
          assert.deepEqual(reveal(properties[k.updateProperty]), reveal(k.update(s.inputs)[k.updateProperty]));
          assert.deepEqual(await emulator.calls(), []);
        });

        it('Update changes the object in Bird', async () => {
          const s = state[k.type];
          const news = (await rpc.check(k.type, k.type, k.update(s.inputs), s.inputs)).inputs;
          const { properties } = await rpc.update(k.type, k.type, s.id, s.outputs, s.inputs, news);
          assert.deepEqual(properties[k.updateProperty], news[k.updateProperty]);
          const live = await emulator.get(k.birdPath(s.id));
          assert.equal(live.body[k.updateProperty], news[k.updateProperty]);
          for (const sec of k.secrets ?? []) if (sec in properties) assert.ok(isSecret(properties[sec]));
          state[k.type] = { ...s, inputs: news, outputs: properties };
        });
      }

      if (k.replace) {
        it('Diff of a replacing change lists the property in replaces with an UPDATE_REPLACE detailed diff', async () => {
          const s = state[k.type];
          const d = await rpc.diff(k.type, k.type, s.id, s.outputs, s.inputs, k.replace(s.inputs));
          assert.equal(d.changes, DIFF.DIFF_SOME);
          assert.ok(d.replaces.includes(k.replaceProperty), JSON.stringify(d));
          assert.equal(d.detailed[k.replaceProperty].kind, KIND.UPDATE_REPLACE);
          assert.equal(d.deleteBeforeReplace, k.deleteBeforeReplace ?? false);
        });
      }
    });
  }

  describe('Delete (reverse dependency order)', () => {
    for (const k of [...kinds].reverse()) {
      it(`${k.type}: Delete removes it from Bird, and Read then reports it gone`, async () => {
        const s = state[k.type];
        await rpc.delete(k.type, k.type, s.id, s.outputs, s.inputs);
        assert.equal((await emulator.get(k.birdPath(s.id))).status, 404);
        const gone = await rpc.read(k.type, k.type, s.id, s.outputs, s.inputs);
        assert.equal(gone.id, '');
        assert.equal(gone.properties, undefined);
      });
    }
  });

  // The engine dials the plugin with grpc-go's insecure credentials: HTTP/2 in clear text with prior knowledge (no TLS,
  // no HTTP/1.1 upgrade). A raw node:http2 session speaks exactly that, so this holds whatever grpc-js negotiates.
  it('serves gRPC the engine way: cleartext HTTP/2 with prior knowledge (h2c) on the printed port', async () => {
    const session = http2.connect(`http://127.0.0.1:${plugin.port}`);
    const failed = new Promise((_, reject) => session.once('error', reject)); // a server that does not speak h2c
    failed.catch(() => {});
    try {
      const request = session.request({
        ':method': 'POST',
        ':path': '/pulumirpc.ResourceProvider/GetPluginInfo',
        'content-type': 'application/grpc',
        te: 'trailers',
      });
      const headers = new Promise((resolve) => request.once('response', resolve));
      const trailers = new Promise((resolve) => request.once('trailers', resolve));
      const chunks = [];
      request.on('data', (c) => chunks.push(c));
      const ended = new Promise((resolve, reject) => { request.once('end', resolve); request.once('error', reject); });
      request.end(Buffer.from([0, 0, 0, 0, 0])); // one uncompressed, empty message (google.protobuf.Empty)
      const response = await Promise.race([headers, failed]);
      await Promise.race([ended, failed]);
      assert.equal(response[':status'], 200);
      assert.match(response['content-type'], /^application\/grpc/);
      assert.equal((await trailers)['grpc-status'], '0');
      const body = Buffer.concat(chunks);
      assert.equal(body[0], 0, 'an uncompressed message');
      assert.equal(body.readUInt32BE(1), body.length - 5, 'one length-prefixed message');
      const info = pluginPb.PluginInfo.deserializeBinary(body.subarray(5));
      assert.match(info.getVersion(), /^\d+\.\d+\.\d+/, 'a PluginInfo with its version');
    } finally {
      session.close();
    }
  });
});
