// Launch and shutdown as the engine drives them: the port as the first stdout line (timed), still serving after
// Cancel, clean exit after SIGINT to the process group and when the engine's address goes away.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startPlugin, startFakeEngine, Empty } from './lib/harness.mjs';

const fmt = (ms) => `${ms.toFixed(0)} ms`;

describe('plugin lifecycle', () => {
  it('prints only its port on the first stdout line, within 2 s of launch', async () => {
    const fakeEngine = await startFakeEngine();
    const times = [];
    try {
      for (let i = 0; i < 3; i++) {
        const plugin = await startPlugin({ engineAddress: fakeEngine.address });
        let extra = '';
        plugin.proc.stdout.on('data', (d) => { extra += d; });
        times.push(plugin.portPrintMs);
        await plugin.call('getPluginInfo', new Empty());
        await plugin.stop();
        assert.equal(extra, '', 'nothing else on stdout');
      }
    } finally {
      await fakeEngine.close();
    }
    console.log(`port printed after launch: ${times.map(fmt).join(', ')} (launcher staleness check + dotnet start; the port goes out before Kestrel starts)`);
    assert.ok(Math.max(...times) < 2000, `port took ${Math.max(...times)} ms`);
  });

  // Cancel is the user's first Ctrl-C: the engine still awaits the calls in flight and closes the plugin itself
  // afterwards (SIGINT, or its address going away), so the plugin must not exit on Cancel alone.
  it('keeps serving after Cancel, then exits within 1 s of the SIGINT the engine sends to close it', async () => {
    const fakeEngine = await startFakeEngine();
    const plugin = await startPlugin({ engineAddress: fakeEngine.address });
    try {
      await plugin.call('getPluginInfo', new Empty());
      const sent = performance.now();
      await plugin.call('cancel', new Empty());
      const answered = performance.now();
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(plugin.proc.exitCode, null, 'still running 1.5 s after Cancel');
      await plugin.call('getPluginInfo', new Empty());
      plugin.client.close();
      const signalled = performance.now();
      process.kill(-plugin.proc.pid, 'SIGINT');
      const { code, at } = await Promise.race([plugin.exited, new Promise((r) => setTimeout(() => r({ code: 'still running', at: performance.now() }), 5000))]);
      console.log(`Cancel: answered OK after ${fmt(answered - sent)}, still serving 1.5 s later; exited ${fmt(at - signalled)} after SIGINT (exit code ${code})`);
      assert.equal(code, 0);
      assert.ok(at - signalled < 1000, `exit took ${at - signalled} ms`);
    } finally {
      await plugin.stop();
      await fakeEngine.close();
    }
  });

  it('exits within 1 s of SIGINT to its process group, as the engine sends it', async () => {
    const fakeEngine = await startFakeEngine();
    const plugin = await startPlugin({ engineAddress: fakeEngine.address });
    try {
      await plugin.call('getPluginInfo', new Empty());
      plugin.client.close();
      const sent = performance.now();
      process.kill(-plugin.proc.pid, 'SIGINT');
      const { code, signal, at } = await Promise.race([plugin.exited, new Promise((r) => setTimeout(() => r({ code: 'still running', at: performance.now() }), 5000))]);
      console.log(`SIGINT: process exited ${fmt(at - sent)} after the signal (exit code ${code}${signal ? `, signal ${signal}` : ''})`);
      assert.equal(code, 0);
      assert.ok(at - sent < 1000, `exit took ${at - sent} ms`);
    } finally {
      await plugin.stop();
      await fakeEngine.close();
    }
  });

  it('after Cancel, exits within 1 s of the engine going away', async () => {
    const fakeEngine = await startFakeEngine();
    const plugin = await startPlugin({ engineAddress: fakeEngine.address, env: { BIRD_PLUGIN_ENGINE_CHECK_SECONDS: '0.2' } });
    try {
      await plugin.call('cancel', new Empty());
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(plugin.proc.exitCode, null, 'still running after Cancel while the engine is there');
      await plugin.call('getPluginInfo', new Empty());
      const gone = performance.now();
      await fakeEngine.close();
      const { code, at } = await Promise.race([plugin.exited, new Promise((r) => setTimeout(() => r({ code: 'still running', at: performance.now() }), 5000))]);
      console.log(`Cancel then engine gone: process exited ${fmt(at - gone)} after the engine's address closed (check interval 0.2 s)`);
      assert.equal(code, 0);
      assert.ok(at - gone < 1000, `exit took ${at - gone} ms`);
    } finally {
      await plugin.stop();
      await fakeEngine.close();
    }
  });

  it('exits when the engine goes away', async () => {
    const fakeEngine = await startFakeEngine();
    const plugin = await startPlugin({ engineAddress: fakeEngine.address, env: { BIRD_PLUGIN_ENGINE_CHECK_SECONDS: '0.2' } });
    try {
      await plugin.call('getPluginInfo', new Empty());
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(plugin.proc.exitCode, null, 'still running while the engine is there');
      const gone = performance.now();
      await fakeEngine.close();
      const { code, at } = await Promise.race([plugin.exited, new Promise((r) => setTimeout(() => r({ code: 'still running', at: performance.now() }), 5000))]);
      console.log(`engine gone: process exited ${fmt(at - gone)} after the engine's address closed (check interval 0.2 s)`);
      assert.equal(code, 0);
    } finally {
      await plugin.stop();
    }
  });
});
