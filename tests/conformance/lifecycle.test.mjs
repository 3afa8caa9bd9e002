// Launch and shutdown as the engine drives them: the port as the only stdout line, still serving after Cancel, clean
// exit after SIGINT to the process group and when the engine's address goes away. Every wait is on an event: the port
// line, the process's 'exit', a call answered, the plugin's own checks of the engine's address (the fake engine counts
// them). How long launch and exit take is measured by bench/plugin-launch.mjs (docs/performance.md), not judged here;
// the test timeout is only a hang guard.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startPlugin, startFakeEngine, first, orAbort, Empty } from './lib/harness.mjs';

const HANG_GUARD = { timeout: 300_000 };

/**
 * The plugin stays up while `checks` more of its engine checks arrive (each one a full check interval later), or
 * exits first: which of the two happened. `signal` is the test's (aborted by its hang guard).
 */
async function aliveFor(plugin, fakeEngine, checks, signal) {
  const { event, value } = await orAbort(first({ checked: fakeEngine.waitForConnections(fakeEngine.connections + checks), exited: plugin.exited }), signal);
  return event === 'checked' ? 'still running' : `exited (code ${value.code}, signal ${value.signal})`;
}

describe('plugin lifecycle', () => {
  it('prints its port as the only line on stdout', HANG_GUARD, async (t) => {
    const fakeEngine = await startFakeEngine();
    try {
      for (let i = 0; i < 3; i++) {
        const plugin = await startPlugin({ engineAddress: fakeEngine.address });
        try {
          await plugin.call('getPluginInfo', new Empty());
          plugin.client.close();
          process.kill(-plugin.proc.pid, 'SIGINT');
          const { code } = await orAbort(plugin.exited, t.signal);
          await plugin.closed;
          assert.equal(code, 0);
          assert.equal(plugin.stdout(), `${plugin.port}\n`, 'the port line, then nothing else on stdout');
        } finally {
          await plugin.stop();
        }
      }
    } finally {
      await fakeEngine.close();
    }
  });

  // Cancel is the user's first Ctrl-C: the engine still awaits the calls in flight and closes the plugin itself
  // afterwards (SIGINT, or its address going away), so the plugin must not exit on Cancel alone.
  it('keeps serving after Cancel, then exits cleanly on the SIGINT the engine sends to close it', HANG_GUARD, async (t) => {
    const fakeEngine = await startFakeEngine();
    const plugin = await startPlugin({ engineAddress: fakeEngine.address });
    try {
      await plugin.call('getPluginInfo', new Empty());
      await plugin.call('cancel', new Empty());
      assert.equal(await aliveFor(plugin, fakeEngine, 3, t.signal), 'still running', 'three engine checks after Cancel');
      await plugin.call('getPluginInfo', new Empty());
      plugin.client.close();
      process.kill(-plugin.proc.pid, 'SIGINT');
      const { code, signal } = await orAbort(plugin.exited, t.signal);
      assert.equal(code, 0, `exit code after SIGINT (signal ${signal})`);
    } finally {
      await plugin.stop();
      await fakeEngine.close();
    }
  });

  it('exits cleanly on SIGINT to its process group, as the engine sends it', HANG_GUARD, async (t) => {
    const fakeEngine = await startFakeEngine();
    const plugin = await startPlugin({ engineAddress: fakeEngine.address });
    try {
      await plugin.call('getPluginInfo', new Empty());
      plugin.client.close();
      process.kill(-plugin.proc.pid, 'SIGINT');
      const { code, signal } = await orAbort(plugin.exited, t.signal);
      assert.equal(code, 0, `exit code after SIGINT (signal ${signal})`);
    } finally {
      await plugin.stop();
      await fakeEngine.close();
    }
  });

  it('after Cancel, exits cleanly when the engine goes away', HANG_GUARD, async (t) => {
    const fakeEngine = await startFakeEngine();
    const plugin = await startPlugin({ engineAddress: fakeEngine.address, env: { BIRD_PLUGIN_ENGINE_CHECK_SECONDS: '0.2' } });
    try {
      await plugin.call('cancel', new Empty());
      assert.equal(await aliveFor(plugin, fakeEngine, 3, t.signal), 'still running', 'three engine checks after Cancel, the engine still there');
      await plugin.call('getPluginInfo', new Empty());
      await fakeEngine.close();
      const { code, signal } = await orAbort(plugin.exited, t.signal);
      assert.equal(code, 0, `exit code after the engine went away (signal ${signal})`);
    } finally {
      await plugin.stop();
      await fakeEngine.close().catch(() => {});
    }
  });

  it('exits cleanly when the engine goes away', HANG_GUARD, async (t) => {
    const fakeEngine = await startFakeEngine();
    const plugin = await startPlugin({ engineAddress: fakeEngine.address, env: { BIRD_PLUGIN_ENGINE_CHECK_SECONDS: '0.2' } });
    try {
      await plugin.call('getPluginInfo', new Empty());
      assert.equal(await aliveFor(plugin, fakeEngine, 2, t.signal), 'still running', 'two engine checks while the engine is there');
      await fakeEngine.close();
      const { code, signal } = await orAbort(plugin.exited, t.signal);
      assert.equal(code, 0, `exit code after the engine went away (signal ${signal})`);
    } finally {
      await plugin.stop();
    }
  });
});
