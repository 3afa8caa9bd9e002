// Plugin-level RPCs and error statuses: GetPluginInfo, Handshake, GetSchema, CheckConfig/DiffConfig/Configure,
// UNIMPLEMENTED, Bird errors as gRPC errors (actionable, no secrets), and ErrorResourceInitFailed.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  startEmulator, startPlugin, startFakeEngine, configure, emulatorConfig, secret, isSecret, grpc,
  providerPb, pluginPb, Empty, toStruct, fromStruct, statusDetails, repoRoot,
} from './lib/harness.mjs';
import { engine, DIFF, KIND } from './lib/engine.mjs';

// The five kinds this suite was written for; a kind added since must be in the schema and in the input-rules table.
const FIVE = ['AccessPolicy', 'AccessRole', 'AccessKey', 'Connector', 'WebhookSubscription'].map((t) => `bird:index:${t}`);
// The kinds the shared input-rules table has rows for: every kind the plugin serves, and no other.
const TABLE_TYPES = [...new Set(JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'Corpus', 'input-rules.json'), 'utf8')).invalid.map((r) => r.type))];

describe('plugin protocol', () => {
  let emulator, fakeEngine, plugin, rpc;

  before(async () => {
    emulator = await startEmulator({ channelDelaySeconds: 2 });
    fakeEngine = await startFakeEngine();
    plugin = await startPlugin({ engineAddress: fakeEngine.address });
    rpc = engine(plugin);
  });

  after(async () => {
    await plugin?.stop();
    await emulator?.stop();
    await fakeEngine?.close();
  });

  it('answers Handshake with the features it supports', async () => {
    const req = new providerPb.ProviderHandshakeRequest();
    req.setEngineAddress(fakeEngine.address);
    req.setConfigureWithUrn(true);
    const res = await plugin.call('handshake', req);
    assert.equal(res.getAcceptSecrets(), true);
    assert.equal(res.getAcceptResources(), true);
  });

  it('GetPluginInfo reports a semver version', async () => {
    const info = await plugin.call('getPluginInfo', new Empty());
    assert.match(info.getVersion(), /^\d+\.\d+\.\d+/);
  });

  it('GetSchema returns a package schema naming every kind with inputs, outputs, secrets and config', async () => {
    const res = await plugin.call('getSchema', new providerPb.GetSchemaRequest());
    const schema = JSON.parse(res.getSchema());
    assert.equal(schema.name, 'bird');
    const types = Object.keys(schema.resources);
    assert.deepEqual([...types].sort(), [...TABLE_TYPES].sort(), 'the schema serves exactly the kinds the input-rules table covers');
    for (const t of FIVE) assert.ok(types.includes(t), t);
    for (const t of types) {
      const r = schema.resources[t];
      assert.ok(r.description, `${t} description`);
      assert.ok(Object.keys(r.inputProperties).length > 0, `${t} inputs`);
      assert.ok(Object.keys(r.properties).length > 0, `${t} outputs`);
      assert.ok(Array.isArray(r.requiredInputs) && r.requiredInputs.length > 0, `${t} requiredInputs`);
      assert.ok(Array.isArray(r.required));
      for (const p of Object.values(r.inputProperties)) assert.ok(p.description, `${t} input descriptions`);
    }
    const policy = schema.resources['bird:index:AccessPolicy'];
    assert.deepEqual(Object.keys(policy.inputProperties).sort(), ['definitions', 'description', 'name']);
    const definition = schema.types[policy.inputProperties.definitions.items.$ref.replace('#/types/', '')];
    assert.deepEqual(Object.keys(definition.properties).sort(), ['actions', 'effect', 'resources']);
    const webhook = schema.resources['bird:index:WebhookSubscription'];
    for (const p of ['service', 'event', 'url', 'signingKey', 'eventFilters']) assert.ok(webhook.inputProperties[p], p);
    const filter = schema.types[webhook.inputProperties.eventFilters.items.$ref.replace('#/types/', '')];
    assert.deepEqual(Object.keys(filter.properties).sort(), ['key', 'value']);
    assert.equal(webhook.properties.signingKey.secret, true);
    assert.equal(schema.resources['bird:index:AccessKey'].properties.token.secret, true);
    assert.equal(schema.resources['bird:index:Connector'].properties.accessToken.secret, true);
    assert.deepEqual(Object.keys(schema.config.variables).filter((k) => !['channelTimeoutSeconds', 'requestTimeoutSeconds'].includes(k)).sort(), ['accessKey', 'endpoint', 'organizationId', 'workspaceId']);
    assert.equal(schema.config.variables.accessKey.secret, true);
    assert.ok(schema.provider.inputProperties.accessKey.secret);
  });

  it('CheckConfig accepts good config and names bad keys', async () => {
    const good = new providerPb.CheckRequest();
    good.setNews(toStruct({ ...emulatorConfig(emulator), version: '0.1.0' }));
    assert.deepEqual((await plugin.call('checkConfig', good)).getFailuresList(), []);
    const bad = new providerPb.CheckRequest();
    bad.setNews(toStruct({ organizationId: 'not-a-uuid', endpiont: 'x' }));
    const failures = (await plugin.call('checkConfig', bad)).getFailuresList().map((f) => f.getProperty());
    assert.deepEqual(failures.sort(), ['endpiont', 'organizationId']);
  });

  it('DiffConfig replaces on another workspace but not on a new access key', async () => {
    const base = emulatorConfig(emulator);
    const diff = async (news) => {
      const req = new providerPb.DiffRequest();
      req.setOlds(toStruct(base));
      req.setOldInputs(toStruct(base));
      req.setNews(toStruct(news));
      return plugin.call('diffConfig', req);
    };
    assert.equal((await diff(base)).getChanges(), DIFF.DIFF_NONE);
    const key = await diff({ ...base, accessKey: 'another' });
    assert.equal(key.getChanges(), DIFF.DIFF_SOME);
    assert.deepEqual(key.getReplacesList(), []);
    const ws = await diff({ ...base, workspaceId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' });
    assert.deepEqual(ws.getReplacesList(), ['workspaceId']);
    assert.equal(ws.getDetaileddiffMap().get('workspaceId').getKind(), KIND.UPDATE_REPLACE);
  });

  it('Configure without an access key fails with ConfigureErrorMissingKeys', async () => {
    const req = new providerPb.ConfigureRequest();
    req.setArgs(toStruct({ endpoint: emulator.baseUrl, organizationId: emulator.organizationId, workspaceId: emulator.workspaceId }));
    const err = await plugin.call('configure', req).then(() => null, (e) => e);
    assert.ok(err, 'expected an error');
    const details = statusDetails(err);
    assert.equal(details.code, err.code);
    assert.equal(details.details[0].typeUrl, 'type.googleapis.com/pulumirpc.ConfigureErrorMissingKeys');
    const missing = providerPb.ConfigureErrorMissingKeys.deserializeBinary(details.details[0].value);
    assert.deepEqual(missing.getMissingkeysList().map((k) => k.getName()), ['bird:accessKey']);
  });

  it('Configure takes the bird:* keys (secret access key in args) and announces secrets and preview support', async () => {
    const { configured } = await configure(plugin, emulatorConfig(emulator));
    assert.equal(configured.getAcceptsecrets(), true);
    assert.equal(configured.getSupportspreview(), true);
  });

  it('answers 12 UNIMPLEMENTED for methods it does not serve', async () => {
    const err = await plugin.call('invoke', new providerPb.InvokeRequest()).then(() => null, (e) => e);
    assert.equal(err?.code, grpc.status.UNIMPLEMENTED);
    const construct = await plugin.call('construct', new providerPb.ConstructRequest()).then(() => null, (e) => e);
    assert.equal(construct?.code, grpc.status.UNIMPLEMENTED);
    const unknown = await new Promise((resolve) => plugin.client.makeUnaryRequest(
      '/pulumirpc.ResourceProvider/NoSuchMethod', (x) => Buffer.from(x), (b) => b, Buffer.alloc(0), (e) => resolve(e)));
    assert.equal(unknown?.code, grpc.status.UNIMPLEMENTED);
  });

  it('a Bird 422 surfaces as INVALID_ARGUMENT with a message naming the problem', async () => {
    const missingPolicy = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const { inputs } = await rpc.check('AccessRole', 'r422', { name: 'conformance-422', policies: [{ id: missingPolicy }] });
    const err = await rpc.create('AccessRole', 'r422', inputs).then(() => null, (e) => e);
    assert.equal(err?.code, grpc.status.INVALID_ARGUMENT);
    assert.match(err.details, /AccessRole 'conformance-422'/);
    assert.match(err.details, /422/);
    assert.match(err.details, new RegExp(`policy ${missingPolicy} does not exist`));
  });

  it('secrets never appear in plaintext in error messages or check failures', async () => {
    const token = 'EAAGsecretMetaToken987654321';
    const first = (await rpc.check('Connector', 'c1', { name: 'dup-1', wabaId: '1', phoneId: '2', phoneNumber: '+31687654321', accessToken: secret(token) })).inputs;
    const created = await rpc.create('Connector', 'c1', first);
    const second = (await rpc.check('Connector', 'c2', { name: 'dup-2', wabaId: '1', phoneId: '2', phoneNumber: '+31687654321', accessToken: secret(token) })).inputs;
    const err = await rpc.create('Connector', 'c2', second).then(() => null, (e) => e);
    assert.ok(err, 'the duplicate connector must fail (Bird 409)');
    assert.equal(err.code, grpc.status.FAILED_PRECONDITION);
    assert.ok(!err.details.includes(token), err.details);
    assert.ok(!JSON.stringify(err.metadata.getMap()).includes(token));
    const badKey = 'bad\u0001signing-key-secret';
    const { failures } = await rpc.check('WebhookSubscription', 'w', { service: 'channels', event: 'whatsapp.inbound', url: 'https://hooks.example.com/x', signingKey: secret(badKey) });
    assert.ok(failures.some((f) => f.property === 'signingKey'));
    assert.ok(!JSON.stringify(failures).includes('signing-key-secret'));
    await rpc.delete('Connector', 'c1', created.id, created.properties, first);
  });

  it('a connector whose channel does not appear in time is reported with ErrorResourceInitFailed (id, outputs, reasons)', async () => {
    // A second plugin process with a channel timeout (0.3 s) shorter than the emulator's channel delay (2 s).
    const impatient = await startPlugin({ engineAddress: fakeEngine.address });
    try {
      await configure(impatient, emulatorConfig(emulator, { channelTimeoutSeconds: '0.3' }));
      const r = engine(impatient);
      const token = 'EAAGinitFailedToken12345678';
      const { inputs } = await r.check('Connector', 'slow', { name: 'slow', wabaId: '1', phoneId: '2', phoneNumber: '+31611111111', accessToken: secret(token) });
      const err = await r.create('Connector', 'slow', inputs).then(() => null, (e) => e);
      assert.ok(err, 'expected a partial failure');
      assert.equal(err.code, grpc.status.UNKNOWN);
      const status = statusDetails(err);
      assert.equal(status.code, err.code);
      assert.equal(status.details.length, 1);
      assert.equal(status.details[0].typeUrl, 'type.googleapis.com/pulumirpc.ErrorResourceInitFailed');
      const init = providerPb.ErrorResourceInitFailed.deserializeBinary(status.details[0].value);
      assert.match(init.getId(), /^[0-9a-f-]{36}$/);
      const props = fromStruct(init.getProperties());
      assert.equal(props.name, 'slow');
      assert.ok(isSecret(props.accessToken), 'the token stays secret in the partial state');
      assert.ok(init.getReasonsList()[0].includes('channel did not appear'));
      assert.ok(!err.details.includes(token));
      const live = await emulator.get(`/workspaces/${emulator.workspaceId}/connectors/${init.getId()}`);
      assert.equal(live.status, 200, 'Bird holds the connector the engine will now record');
      await r.delete('Connector', 'slow', init.getId(), props, inputs);
    } finally {
      await impatient.stop();
    }
  });
});
