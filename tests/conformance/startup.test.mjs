// The launch contract on the built plugin (`dotnet BirdInfra.PulumiPlugin.dll ENGINE`, what the launcher runs once the
// build is current) with default settings (no BIRD_PLUGIN_ENGINE_CHECK_SECONDS): the port line, a served call, and a
// clean exit once the engine's address goes away, each awaited as an event. How fast (time to the port line, to the
// exit) is measured by bench/plugin-launch.mjs and reported in docs/performance.md; a test on a shared machine only
// checks that it happens. The test timeout is a hang guard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPlugin, startFakeEngine, orAbort, Empty } from './lib/harness.mjs';

test('the built plugin, with default settings, prints its port, serves on it, and exits cleanly when the engine goes away', { timeout: 300_000 }, async (t) => {
  const fakeEngine = await startFakeEngine();
  const plugin = await startPlugin({ engineAddress: fakeEngine.address, direct: true });
  try {
    const info = await plugin.call('getPluginInfo', new Empty());
    assert.match(info.getVersion(), /^\d+\.\d+\.\d+/, 'GetPluginInfo answered on the printed port');
    plugin.client.close();
    // The default watcher checks the engine's address; its first check shows it is on.
    await orAbort(fakeEngine.waitForConnections(1), t.signal);
    assert.equal(plugin.proc.exitCode, null, 'still running while the engine is there');
    await fakeEngine.close();
    const { code, signal } = await orAbort(plugin.exited, t.signal);
    await plugin.closed;
    assert.equal(code, 0, `a clean exit when the engine goes away (signal ${signal}); stderr: ${plugin.stderr()}`);
    assert.equal(plugin.stdout(), `${plugin.port}\n`, 'the port line, then nothing else on stdout');
  } finally {
    await plugin.stop();
    await fakeEngine.close().catch(() => {});
  }
});
