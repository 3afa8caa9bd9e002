// The shared table of Bird's value rules (tests/Corpus/input-rules.json) through the plugin's Check, as the engine sends
// it: each invalid row fails naming the row's property; the valid rows (the scenario's inputs) pass with no failure.
// `birdinfra validate` runs the same rows as stack files (tests/BirdInfra.Tests/Stacks/SharedInputRulesTests.cs).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startPlugin, startFakeEngine, secret, repoRoot, providerPb } from './lib/harness.mjs';
import { engine } from './lib/engine.mjs';

const table = JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'Corpus', 'input-rules.json'), 'utf8'));

// The engine sends secret inputs wrapped; the table writes them as plain text.
const SECRET_INPUTS = ['accessToken', 'signingKey'];
const asEngineSends = (inputs) =>
  Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, SECRET_INPUTS.includes(k) ? secret(v) : v]));

const kindOf = (row) => row.type.replace(/^bird:index:/, '');

describe('shared input rules through the plugin Check', () => {
  let fakeEngine, plugin, rpc;

  before(async () => {
    fakeEngine = await startFakeEngine();
    plugin = await startPlugin({ engineAddress: fakeEngine.address });
    rpc = engine(plugin);
  });

  after(async () => {
    await plugin?.stop();
    await fakeEngine?.close();
  });

  it('the table has at least five invalid rows for each kind the plugin serves, and none for another type', async () => {
    const res = await plugin.call('getSchema', new providerPb.GetSchemaRequest());
    const types = Object.keys(JSON.parse(res.getSchema()).resources);
    const counts = {};
    for (const row of table.invalid) counts[row.type] = (counts[row.type] ?? 0) + 1;
    for (const t of ['AccessPolicy', 'AccessRole', 'AccessKey', 'Connector', 'WebhookSubscription']) assert.ok(types.includes(`bird:index:${t}`), t);
    assert.deepEqual(Object.keys(counts).sort(), [...types].sort(), JSON.stringify(counts));
    for (const [type, count] of Object.entries(counts)) assert.ok(count >= 5, `${type}: ${count} rows`);
  });

  for (const row of table.invalid) {
    it(`rejects ${row.id} naming ${row.property}`, async () => {
      const { failures } = await rpc.check(kindOf(row), row.id, asEngineSends(row.inputs));
      assert.ok(
        failures.some((f) => f.property === row.property),
        `no failure for ${row.property}: ${JSON.stringify(failures)}`,
      );
      for (const f of failures) assert.ok(f.reason.length > 10, 'a failure explains itself');
    });
  }

  for (const row of table.valid) {
    it(`accepts ${row.id}`, async () => {
      const { failures } = await rpc.check(kindOf(row), row.id, asEngineSends(row.inputs));
      assert.deepEqual(failures, []);
    });
  }
});
