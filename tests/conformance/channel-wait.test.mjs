// A connector create waits until Bird's channel exists and is 'active' (the emulator's channel is 'pending' first), and
// the plugin shows that wait to the engine: ephemeral Engine.Log INFO lines on the connector's URN naming the status.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, startPlugin, startLoggingEngine, configure, emulatorConfig, secret, reveal, urn } from './lib/harness.mjs';
import { engine } from './lib/engine.mjs';

describe('connector channel readiness through the plugin', () => {
  let emulator, loggingEngine, plugin, rpc;

  before(async () => {
    emulator = await startEmulator({ channelDelaySeconds: 0.2, channelActivationSeconds: 1.5 });
    loggingEngine = await startLoggingEngine();
    plugin = await startPlugin({ engineAddress: loggingEngine.address });
    rpc = engine(plugin);
    await configure(plugin, emulatorConfig(emulator));
  });

  after(async () => {
    await plugin?.stop();
    await emulator?.stop();
    await loggingEngine?.close();
  });

  it('Create returns once the channel is active and logs the wait, with the status, on the URN', async () => {
    const inputs = { name: 'wait-connector', wabaId: '1234567890', phoneId: '1098765432', phoneNumber: '+31655555555', accessToken: secret('EAAGwaitToken0123456789') };
    const { id, properties } = await rpc.create('Connector', 'wait', inputs);

    assert.match(id, /^[0-9a-f-]{36}$/);
    assert.equal(reveal(properties.channelStatus), 'active');
    const channelId = reveal(properties.channelId);
    const waits = loggingEngine.logs.filter((l) => l.message.includes(`channel ${channelId} is 'pending'; waiting for it to become 'active'`));
    assert.ok(waits.length > 0, `no progress log naming the pending status; logs: ${JSON.stringify(loggingEngine.logs)}`);
    for (const l of waits) {
      assert.equal(l.urn, urn('bird:index:Connector', 'wait'));
      assert.equal(l.severity, 1, 'INFO');
      assert.equal(l.ephemeral, true);
    }
    assert.ok(!JSON.stringify(loggingEngine.logs).includes('EAAGwaitToken0123456789'), 'no secret in any log');
  });
});
