// The engine's Cancel (the user's first Ctrl-C) as the plugin must take it (issue 11, path 3): a connector create
// waiting for its channel answers with what exists (ErrorResourceInitFailed carrying the connector) instead of waiting
// the channel out, a change sent after Cancel is refused before anything reaches Bird, and the plugin keeps answering
// until the engine closes it (lifecycle.test.mjs covers the exit that follows).
// The emulator's channel delay (10 minutes) is far longer than the test's hang guard: a create that ignored Cancel
// would time the test out, and "answered before its channel" is checked against Bird itself (the connector still has
// no channel when the answer arrives), not against a clock.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startEmulator, startPlugin, startFakeEngine, configure, emulatorConfig, secret, isSecret, grpc,
  providerPb, fromStruct, statusDetails, waitUntil, orAbort,
} from './lib/harness.mjs';
import { engine } from './lib/engine.mjs';

const CHANNEL_DELAY_SECONDS = 600;
const HANG_GUARD = { timeout: 300_000 };
const TOKEN = 'EAAGcancelMetaToken0123456789';

describe('Cancel from the engine', () => {
  let emulator, fakeEngine;
  const connectors = () => `/workspaces/${emulator.workspaceId}/connectors`;
  const connectorInputs = (name, phoneNumber) => ({ name, wabaId: '1234567890', phoneId: '1098765432', phoneNumber, accessToken: secret(TOKEN) });

  before(async () => {
    emulator = await startEmulator({ channelDelaySeconds: CHANNEL_DELAY_SECONDS });
    fakeEngine = await startFakeEngine();
  });

  after(async () => {
    await emulator?.stop();
    await fakeEngine?.close();
  });

  /** A plugin configured against the emulator; each test cancels its own. */
  async function startConfigured() {
    const plugin = await startPlugin({ engineAddress: fakeEngine.address });
    await configure(plugin, emulatorConfig(emulator));
    return { plugin, rpc: engine(plugin) };
  }

  /** The create is in its channel wait once it has read its connector again after the POST was answered (its first poll). */
  const polledAfterPost = (calls) => {
    const post = calls.findIndex((c) => c.method === 'POST' && c.path === connectors() && c.status === 201);
    return post >= 0 && calls.slice(post + 1).some((c) => c.method === 'GET' && c.path.startsWith(`${connectors()}/`) && c.status === 200);
  };

  it('a connector create waiting for its channel answers on Cancel, before the channel exists, with ErrorResourceInitFailed carrying the connector', HANG_GUARD, async (t) => {
    const { plugin, rpc } = await startConfigured();
    try {
      const { inputs } = await rpc.check('Connector', 'waiting', connectorInputs('cancel-waiting', '+31612340001'));
      await emulator.clearCalls();
      const create = rpc.create('Connector', 'waiting', inputs).then(() => null, (e) => e);
      await waitUntil(async () => polledAfterPost(await emulator.calls()), "the create's first poll of its connector after the POST (it waits for the channel)");

      await rpc.cancel();
      const err = await orAbort(create, t.signal);

      assert.ok(err, 'the create cannot succeed without its channel');
      assert.equal(err.code, grpc.status.UNKNOWN, err.details);
      const status = statusDetails(err);
      assert.equal(status?.details?.length, 1, `a bare error loses the connector: ${err.details}`);
      assert.equal(status.details[0].typeUrl, 'type.googleapis.com/pulumirpc.ErrorResourceInitFailed');
      const init = providerPb.ErrorResourceInitFailed.deserializeBinary(status.details[0].value);
      const props = fromStruct(init.getProperties());
      assert.equal(props.name, 'cancel-waiting');
      assert.equal(props.phoneNumber, '+31612340001');
      assert.ok(isSecret(props.accessToken), 'the token stays secret in the partial state');
      assert.ok(!props.channelId, 'no channel yet');
      assert.match(init.getReasonsList()[0], /cancelled while waiting for Bird to create its channel/);
      assert.ok(!err.details.includes(TOKEN));

      const live = (await emulator.get(`${connectors()}?limit=100`)).body.results.filter((c) => c.arguments.phoneNumber === '+31612340001');
      assert.deepEqual(live.map((c) => c.id), [init.getId()], 'Bird holds exactly the connector the engine records');
      // The answer came before the wait could have ended by itself: Bird still has no channel for the connector.
      const inBird = await emulator.get(`${connectors()}/${init.getId()}`);
      assert.equal(inBird.status, 200);
      assert.ok(!inBird.body.channel?.channelId, `Bird made no channel yet: ${JSON.stringify(inBird.body.channel)}`);

      // Still serving: the engine may read it (a refresh) before it closes the plugin.
      const read = await rpc.read('Connector', 'waiting', init.getId(), props, inputs);
      assert.equal(read.id, init.getId());
      assert.equal(plugin.proc.exitCode, null, 'the plugin waits for the engine to close it');
    } finally {
      await plugin.stop();
    }
  });

  it('Create, Update and Delete sent after Cancel are refused and send nothing to Bird', HANG_GUARD, async () => {
    const { plugin, rpc } = await startConfigured();
    try {
      const { inputs } = await rpc.check('Connector', 'late', connectorInputs('cancel-late', '+31612340002'));
      // Steps the engine had queued arrive after Cancel was answered.
      await rpc.cancel();
      await emulator.clearCalls();

      const refusals = [
        await rpc.create('Connector', 'late', inputs).then(() => null, (e) => e),
        await rpc.update('Connector', 'late', '11111111-2222-3333-4444-555555555555', inputs, inputs, inputs).then(() => null, (e) => e),
        await rpc.delete('Connector', 'late', '11111111-2222-3333-4444-555555555555', inputs, inputs).then(() => null, (e) => e),
      ];
      for (const [i, err] of refusals.entries()) {
        const op = ['create', 'update', 'delete'][i];
        assert.ok(err, `${op} after Cancel must fail`);
        assert.equal(err.code, grpc.status.CANCELLED, `${op}: ${err.details}`);
        assert.match(err.details, new RegExp(`^${op} Connector '.+' was not started: the engine cancelled the update; nothing was sent to Bird\\.$`));
      }

      assert.deepEqual((await emulator.calls()).filter((c) => !c.path.startsWith('/_emulator')), [], 'no call reached Bird');
      const live = (await emulator.get(`${connectors()}?limit=100`)).body.results.filter((c) => c.arguments.phoneNumber === '+31612340002');
      assert.equal(live.length, 0);

      // Previews change nothing in Bird and are still answered.
      const preview = await rpc.create('Connector', 'late', inputs, true);
      assert.equal(preview.id, '');
    } finally {
      await plugin.stop();
    }
  });
});
