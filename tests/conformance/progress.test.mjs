// While a create waits on Bird (a connector's channel: 'pending', then 'active'), the plugin reports progress to the
// engine's Engine/Log service, as ephemeral info lines attached to the resource's URN: what `pulumi up` shows in the
// resource's row. Driven with Pulumi's own generated EngineService.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, startPlugin, startRecordingEngine, configure, emulatorConfig, secret, reveal, urn } from './lib/harness.mjs';
import { engine } from './lib/engine.mjs';

const INFO = 1;

describe('progress in the engine display', () => {
  let emulator, recording, plugin, rpc;

  before(async () => {
    // The channel appears after 1 s and stays 'pending' for 1 s more: several polls happen during the create.
    emulator = await startEmulator({ channelDelaySeconds: 1, channelActivationSeconds: 1 });
    recording = await startRecordingEngine();
    plugin = await startPlugin({ engineAddress: recording.address });
    rpc = engine(plugin);
    await configure(plugin, emulatorConfig(emulator));
  });

  after(async () => {
    await plugin?.stop();
    await emulator?.stop();
    await recording?.close();
  });

  it('a connector create reports its channel wait on the connector\'s URN, as ephemeral info lines, in order', async () => {
    const token = 'EAAGprogressToken0123456789';
    const created = await rpc.create('Connector', 'progress-connector', {
      name: 'progress-connector', wabaId: '1234567890', phoneId: '1098765432', phoneNumber: '+31612345670', accessToken: secret(token),
    });
    assert.equal(reveal(created.properties.channelStatus), 'active');

    // Lines are sent in the background, in order; the last one ("… is active (ready)") was queued before Create answered.
    await recording.waitFor((logs) => logs.some((l) => /is active \(ready\)/.test(l.message)));
    const lines = recording.logs.filter((l) => l.urn === urn('bird:index:Connector', 'progress-connector'));
    assert.ok(lines.length >= 2, `progress lines for the connector: ${JSON.stringify(recording.logs)}`);
    assert.ok(lines.every((l) => l.severity === INFO && l.ephemeral), 'info, ephemeral');
    assert.match(lines.at(-1).message, /is active \(ready\)/);
    assert.ok(lines.slice(0, -1).some((l) => /waiting|pending|not there yet/i.test(l.message)), `a waiting line first: ${JSON.stringify(lines.map((l) => l.message))}`);
    assert.ok(recording.logs.every((l) => !l.message.includes(token)), 'no secret in a progress line');
  });
});
