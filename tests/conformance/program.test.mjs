// The Pulumi program (infra/, run through Pulumi.yaml's binary) against a stand-in engine built on Pulumi's own
// generated ResourceMonitor and Engine stubs: stacks/local.yaml and stacks/prod.yaml, in preview and in update.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { grpc, repoRoot, isSecret, UNKNOWN } from './lib/harness.mjs';
import { startEngine, runProgram, declaredResources, project, fakeToken, fakePassword, fakeChannelId } from './lib/program.mjs';

// The stack outputs of the five kinds this suite was written for (the names `birdinfra output` prints for them).
const FIVE_OUTPUTS = ['accessKeyIds', 'accessKeyTokens', 'channelIds', 'connectorIds', 'webhookSubscriptionIds'];
const FIVE_TYPES = ['AccessPolicy', 'AccessRole', 'AccessKey', 'Connector', 'WebhookSubscription'].map((t) => `bird:index:${t}`);
// Every kind: those the shared input-rules table has rows for (protocol.test.mjs checks it against GetSchema).
const KIND_TYPES = [...new Set(JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'Corpus', 'input-rules.json'), 'utf8')).invalid.map((r) => r.type))];

const ORG = '0b4e4c0e-6b36-4c55-9a7e-2f7d1e0c5a11';
const WS = '5d2c8a4f-3e1b-4f6a-8c9d-7e0f1a2b3c44';
const ACCESS_KEY = 'BirdAccessKeyKnown0123456789abcdef';
const WHATSAPP_TOKEN = 'EAAGwhatsappTokenKnown0123456789';
const SIGNING_KEY = 'signingKeyKnownFromEnvironment0123456789';

const stacks = {
  local: {
    config: { 'bird:endpoint': 'http://127.0.0.1:5080', 'bird:organizationId': ORG, 'bird:workspaceId': WS, 'bird:accessKey': ACCESS_KEY },
    secretKeys: ['bird:accessKey'],
    env: {},
    secrets: [ACCESS_KEY],
  },
  prod: {
    // One secret from Pulumi config (the second source), one from the environment, no BIRD_ACCESS_KEY needed.
    config: {
      'bird:endpoint': 'https://api.bird.com',
      'bird:organizationId': ORG,
      'bird:workspaceId': WS,
      'bird:accessKey': ACCESS_KEY,
      [`${project.name}:whatsappAccessToken`]: WHATSAPP_TOKEN,
    },
    secretKeys: ['bird:accessKey', `${project.name}:whatsappAccessToken`],
    env: { BIRD_PROD_WEBHOOK_SIGNING_KEY: SIGNING_KEY },
    secrets: [ACCESS_KEY, WHATSAPP_TOKEN, SIGNING_KEY],
  },
};

const RANDOM = 'random:index/randomPassword:RandomPassword';
const interpolate = (s) => s.replaceAll('${organizationId}', ORG).replaceAll('${workspaceId}', WS);

/** Every string in a value outside secret envelopes (where a plaintext secret must never be). */
function plainStrings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (isSecret(value)) return out;
  else if (Array.isArray(value)) value.forEach((v) => plainStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => plainStrings(v, out));
  return out;
}

for (const [stack, setup] of Object.entries(stacks)) {
  for (const dryRun of [true, false]) {
    const mode = dryRun ? 'preview' : 'update';
    describe(`program: stacks/${stack}.yaml, ${mode}`, () => {
      let engine;
      let run;
      let regs;
      const { resources: declared, doc } = declaredResources(path.join(repoRoot, 'stacks', `${stack}.yaml`));
      const stackUrn = `urn:pulumi:${stack}::${project.name}::pulumi:pulumi:Stack::${project.name}-${stack}`;
      const byKey = () => new Map(regs.map((r) => [`${r.type}::${r.name}`, r]));
      const reg = (type, name) => byKey().get(`${type}::${name}`);
      const urn = (type, name) => `urn:pulumi:${stack}::${project.name}::${type}::${name}`;
      // In preview a new resource has id "" (unknown); the program must pass the unknown sentinel on.
      const idOf = (type, name) => (dryRun ? UNKNOWN : `${name}-id`);

      before(async () => {
        engine = await startEngine({ stack, dryRun });
        run = await runProgram({ engine, stack, dryRun, config: setup.config, secretKeys: setup.secretKeys, env: setup.env });
        regs = engine.registrations();
        console.log(`program ${stack} ${mode}: exit ${run.code} in ${run.ms.toFixed(0)} ms, ${regs.length} registrations`);
      });
      after(async () => { await engine.stop(); });

      test('exits 0 without error logs, in bounded time', () => {
        assert.equal(run.timedOut, false, 'the program hung');
        assert.equal(run.code, 0, `exit ${run.code}; stderr: ${run.stderr}; logs: ${JSON.stringify(engine.logs())}`);
        assert.deepEqual(engine.logs().filter((l) => l.severity >= 2), []);
        assert.equal(run.stdout, '', 'stdout becomes info diagnostics: nothing should be printed there');
      });

      test('registers the stack resource first, with no parent', () => {
        const first = regs[0];
        assert.equal(first.type, 'pulumi:pulumi:Stack');
        assert.equal(first.name, `${project.name}-${stack}`);
        assert.equal(first.parent, '');
        assert.equal(first.custom, false);
        assert.deepEqual(first.object, {});
      });

      test('registers every resource of the stack file exactly once, parented to the stack, with its bird:index type', () => {
        const birds = regs.filter((r) => r.type.startsWith('bird:'));
        assert.deepEqual(
          birds.map((r) => `${r.type}::${r.name}`).sort(),
          declared.map((d) => `${d.type}::${d.name}`).sort());
        for (const r of regs.slice(1)) {
          assert.equal(r.parent, stackUrn, `${r.name} parent`);
          assert.equal(r.custom, true);
          assert.equal(r.acceptSecrets, true);
          assert.equal(r.acceptResources, false);
          assert.equal(r.supportsPartialValues, true);
          assert.equal(r.supportsResultReporting, true);
          assert.match(r.version, /^\d+\.\d+\.\d+$/, 'strict semver without v');
          assert.equal(r.provider, '', 'the default provider, configured from bird:* config');
          assert.ok(!('id' in r.object) && !('urn' in r.object));
        }
      });

      test("the stack file's guards become Pulumi's protect on each Bird resource", () => {
        const guarded = doc.guards?.protect ?? [];
        for (const d of declared) {
          const expected = d.body.protect ?? (guarded.includes(d.section) || guarded.includes(`${d.section}.${d.name}`));
          assert.equal(reg(d.type, d.name).protect, expected, `${d.section}.${d.name}`);
        }
        if (stack === 'prod') assert.ok(reg('bird:index:Connector', 'sales-number').protect && reg('bird:index:AccessKey', 'contact-center').protect);
      });

      test('sends the declared inputs, interpolated, and references as ids of what they read', () => {
        for (const d of declared) {
          const r = reg(d.type, d.name);
          assert.equal(r.object.name ?? d.name, d.body.name ?? d.name);
          if (d.section === 'accessPolicies') {
            assert.deepEqual(r.object.definitions.map((x) => x.resources), d.body.definitions.map((x) => x.resources.map(interpolate)));
          }
          if (d.section === 'accessRoles') {
            assert.deepEqual(r.object.policies, d.body.policies.map((p) => ({ id: idOf('AccessPolicy', p), type: 'organization' })));
            assert.deepEqual(r.dependencies, d.body.policies.map((p) => urn('bird:index:AccessPolicy', p)).sort());
            assert.deepEqual(r.propertyDependencies.policies, r.dependencies);
          }
          if (d.section === 'accessKeys') {
            assert.deepEqual(r.object.roleRefs.map((x) => x.id), d.body.roles.map((p) => idOf('AccessRole', p)));
            assert.deepEqual(r.object.roleRefs[0].workspaces, d.body.workspaces.map(interpolate));
            assert.deepEqual(r.propertyDependencies.roleRefs, d.body.roles.map((p) => urn('bird:index:AccessRole', p)).sort());
            assert.ok(r.additionalSecretOutputs.includes('token'));
            if (d.body.expect) assert.equal(r.object.expect, undefined, 'expect steers BirdInfra only: never an input of the key');
          }
          if (d.section === 'connectors') {
            assert.equal(r.object.phoneNumber, d.body.phoneNumber);
            assert.equal(r.object.wabaId, d.body.wabaId);
            assert.ok(isSecret(r.object.accessToken), 'accessToken is wrapped secret');
            assert.deepEqual(r.propertyDependencies.phoneNumber, []);
          }
          if (d.section === 'webhookSubscriptions') {
            assert.equal(r.object.url, d.body.url);
            assert.equal(r.object.event, d.body.event);
            assert.ok(isSecret(r.object.signingKey), 'signingKey is wrapped secret');
            const channelFilter = r.object.eventFilters.find((f) => f.key === 'channelId');
            if (d.body.channel) {
              assert.equal(channelFilter.value, dryRun ? UNKNOWN : fakeChannelId(d.body.channel));
              const connector = urn('bird:index:Connector', d.body.channel);
              assert.ok(r.dependencies.includes(connector));
              assert.deepEqual(r.propertyDependencies.eventFilters, [connector]);
            } else {
              assert.equal(channelFilter, undefined);
            }
          }
        }
      });

      test('generated secrets come from a Pulumi.Random password whose secret result feeds the resource', () => {
        const generated = declared.flatMap((d) => ['accessToken', 'signingKey']
          .filter((field) => d.body[field]?.generate === true)
          .map((field) => ({ d, field, password: `${d.name}-${field}` })));
        const passwords = regs.filter((r) => r.type === RANDOM);
        assert.deepEqual(passwords.map((p) => p.name).sort(), generated.map((g) => g.password).sort());
        for (const { d, field, password } of generated) {
          const p = reg(RANDOM, password);
          assert.equal(p.object.length, d.body[field].length ?? 32);
          assert.ok(p.additionalSecretOutputs.includes('result') && p.additionalSecretOutputs.includes('bcryptHash'));
          assert.match(p.version, /^\d+\.\d+\.\d+$/);
          const r = reg(d.type, d.name);
          assert.ok(isSecret(r.object[field]));
          assert.equal(r.object[field].value, dryRun ? UNKNOWN : fakePassword(password));
          assert.deepEqual(r.propertyDependencies[field], [urn(RANDOM, password)]);
          assert.ok(r.dependencies.includes(urn(RANDOM, password)));
        }
        if (stack === 'local') assert.ok(generated.length >= 5, 'local generates its signing keys and token');
      });

      test('registers dependencies before dependents', () => {
        const order = new Map(regs.map((r, i) => [r.urn, i]));
        for (const r of regs) for (const dep of r.dependencies) assert.ok(order.get(dep) < order.get(r.urn), `${dep} before ${r.urn}`);
      });

      test('no secret value appears outside a secret envelope, in any request, log or output', () => {
        const known = [...setup.secrets];
        if (!dryRun) {
          for (const r of regs.filter((x) => x.type === RANDOM)) known.push(fakePassword(r.name));
          for (const d of declared.filter((x) => x.section === 'accessKeys')) known.push(fakeToken(d.name));
        }
        const plain = plainStrings(engine.events).join('\n') + run.stdout + run.stderr;
        for (const s of known) assert.ok(!plain.includes(s), `a known secret leaked in plaintext (${s.slice(0, 4)}…)`);
        if (stack === 'prod') {
          const connector = reg('bird:index:Connector', 'sales-number');
          assert.equal(connector.object.accessToken.value, WHATSAPP_TOKEN, 'the config secret is used, wrapped');
          assert.equal(reg('bird:index:WebhookSubscription', 'sales-inbound').object.signingKey.value, SIGNING_KEY);
        }
      });

      test('registers the stack outputs, then signals shutdown', () => {
        const outputs = engine.events.filter((e) => e.rpc === 'RegisterResourceOutputs');
        assert.equal(outputs.length, 1);
        assert.equal(outputs[0].urn, stackUrn);
        const connectors = declared.filter((d) => d.section === 'connectors').map((d) => d.name);
        assert.deepEqual(Object.keys(outputs[0].outputs.channelIds).sort(), connectors.sort());
        for (const c of connectors) assert.equal(outputs[0].outputs.channelIds[c], dryRun ? UNKNOWN : fakeChannelId(c));
        for (const [name, token] of Object.entries(outputs[0].outputs.accessKeyTokens)) {
          assert.ok(isSecret(token), 'the access key token is a secret output');
          assert.equal(token.value, dryRun ? UNKNOWN : fakeToken(name));
        }
        assert.deepEqual(Object.keys(outputs[0].outputs.accessKeyTokens), Object.keys(doc.accessKeys));
        // The same names `birdinfra output` prints, each logical name → the resource's id (unknown in preview).
        // The five kinds' outputs exactly; any other is the ids of a kind added since, named after it.
        const names = Object.keys(outputs[0].outputs);
        assert.deepEqual(names.filter((n) => FIVE_OUTPUTS.includes(n)).sort(), FIVE_OUTPUTS);
        for (const extra of names.filter((n) => !FIVE_OUTPUTS.includes(n))) {
          const type = `bird:index:${extra[0].toUpperCase()}${extra.slice(1).replace(/Ids$/, '')}`;
          assert.ok(extra.endsWith('Ids') && KIND_TYPES.includes(type) && !FIVE_TYPES.includes(type), `${extra} is the ids of a kind added since the five`);
          const registered = regs.filter((r) => r.type === type).map((r) => r.name);
          assert.deepEqual(Object.keys(outputs[0].outputs[extra]).sort(), registered.sort(), extra);
          for (const n of registered) assert.equal(outputs[0].outputs[extra][n], idOf(type, n), `${extra}.${n}`);
        }
        for (const [output, section, type] of [
          ['accessKeyIds', 'accessKeys', 'bird:index:AccessKey'],
          ['connectorIds', 'connectors', 'bird:index:Connector'],
          ['webhookSubscriptionIds', 'webhookSubscriptions', 'bird:index:WebhookSubscription'],
        ]) {
          const names = declared.filter((d) => d.section === section).map((d) => d.name);
          assert.deepEqual(Object.keys(outputs[0].outputs[output]).sort(), names.sort(), output);
          for (const n of names) assert.equal(outputs[0].outputs[output][n], idOf(type, n), `${output}.${n}`);
        }
        const last = engine.events.filter((e) => e.rpc !== 'Log').at(-1);
        assert.equal(last.rpc, 'SignalAndWaitForShutdown');
      });
    });
  }
}

describe('program: failures', () => {
  test('a registration the engine refuses ends the program non-zero with a logged error, not a hang', async () => {
    const engine = await startEngine({
      stack: 'local',
      dryRun: false,
      fail: (r) => (r.type === 'bird:index:Connector' ? { code: grpc.status.INTERNAL, details: 'resource registration failed: Bird answered 422' } : null),
    });
    try {
      const run = await runProgram({ engine, stack: 'local', dryRun: false, config: stacks.local.config, secretKeys: stacks.local.secretKeys });
      console.log(`registration failure: exit ${run.code} after ${run.ms.toFixed(0)} ms`);
      assert.equal(run.timedOut, false, 'the program hung');
      assert.notEqual(run.code, 0);
      const errors = engine.logs().filter((l) => l.severity === 3);
      const connectorError = errors.find((l) => l.message.includes('bird:index:Connector main-number') && l.message.includes('Bird answered 422'));
      assert.ok(connectorError, `no readable error: ${JSON.stringify(errors)}`);
      assert.equal(connectorError.urn, engine.urnOf('bird:index:Connector', 'main-number'));
      // Subscriptions that read the connector's channel are not registered; nothing claims success afterwards.
      const names = engine.registrations().map((r) => r.name);
      for (const w of ['main-inbound', 'main-outbound', 'main-interaction']) assert.ok(!names.includes(w));
      assert.ok(errors.some((l) => l.message.includes('main-inbound')), 'the skipped dependents are named');
      assert.ok(!engine.events.some((e) => e.rpc === 'SignalAndWaitForShutdown' || e.rpc === 'RegisterResourceOutputs'));
    } finally {
      await engine.stop();
    }
  });

  test('a targeted update: a create the engine skips (result SKIP, no id, no outputs) leaves its outputs unknown and the run goes on', async () => {
    // `pulumi up --target` skips the create of a new resource outside the target: the engine answers RegisterResource
    // with result SKIP and no id or outputs. Like the .NET SDK, the program passes the unknown outputs on; the engine decides.
    const engine = await startEngine({
      stack: 'local',
      dryRun: false,
      result: (r) => (r.type === 'bird:index:Connector' ? 2 : 0),
      answer: async (r) => (r.type === 'bird:index:Connector' ? { id: '', object: {} } : null),
    });
    try {
      const run = await runProgram({ engine, stack: 'local', dryRun: false, config: stacks.local.config, secretKeys: stacks.local.secretKeys });
      assert.equal(run.timedOut, false);
      assert.equal(run.code, 0, `exit ${run.code}: ${JSON.stringify(engine.logs())}`);
      assert.ok(!engine.logs().some((l) => l.severity === 3), `no errors: ${JSON.stringify(engine.logs())}`);
      const inbound = engine.registrations().find((r) => r.name === 'main-inbound');
      assert.ok(inbound, 'the subscription that reads the skipped connector is still registered');
      const channelFilter = inbound.object.eventFilters.find((f) => f.key === 'channelId');
      assert.equal(channelFilter.value, UNKNOWN, 'the skipped connector\'s channel id stays unknown');
      const outputs = engine.events.filter((e) => e.rpc === 'RegisterResourceOutputs');
      assert.equal(outputs.length, 1);
      assert.equal(outputs[0].outputs.channelIds['main-number'], UNKNOWN);
      assert.ok(engine.events.some((e) => e.rpc === 'SignalAndWaitForShutdown'));
    } finally {
      await engine.stop();
    }
  });

  test('a step the engine reports as failed (result FAIL) stops its dependents and exits non-zero', async () => {
    const engine = await startEngine({ stack: 'local', dryRun: false, result: (r) => (r.type === 'bird:index:AccessRole' ? 1 : 0) });
    try {
      const run = await runProgram({ engine, stack: 'local', dryRun: false, config: stacks.local.config, secretKeys: stacks.local.secretKeys });
      assert.equal(run.timedOut, false);
      assert.notEqual(run.code, 0);
      assert.ok(!engine.registrations().some((r) => r.type === 'bird:index:AccessKey'), 'the key reads the failed role');
      assert.ok(engine.registrations().some((r) => r.type === 'bird:index:Connector'), 'independent resources still go ahead');
      assert.ok(engine.logs().some((l) => l.severity === 3 && l.message.includes('bird:index:AccessRole contact-center')));
    } finally {
      await engine.stop();
    }
  });

  test('a broken stack file logs every problem with its location, registers nothing and exits non-zero', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'birdinfra-program-'));
    try {
      mkdirSync(path.join(root, 'stacks'));
      writeFileSync(path.join(root, 'stacks', 'broken.yaml'), [
        'target:',
        '  endpoint: emulator',
        'connectors:',
        '  main-number:',
        '    wabaId: "102290129340398"',
        '    phoneId: "106540352242922"',
        '    phoneNumber: "0612345678"',
        '    accessToken: { generate: true }',
        'webhookSubscriptions:',
        '  hook:',
        '    event: whatsapp.inbound',
        '    url: https://example.com/hook',
        '    channel: missing-number',
        '    signingKey: { generate: true }',
        '',
      ].join('\n'));
      const engine = await startEngine({ stack: 'broken', dryRun: true });
      try {
        const run = await runProgram({ engine, stack: 'broken', dryRun: true, config: stacks.local.config, secretKeys: stacks.local.secretKeys, rootDirectory: root });
        assert.notEqual(run.code, 0);
        assert.equal(engine.registrations().length, 0, 'nothing registered');
        const errors = engine.logs().filter((l) => l.severity === 3).map((l) => l.message);
        assert.ok(errors.some((m) => /broken\.yaml:7:\d+: error BI\d{3}/.test(m) && m.includes('connectors.main-number.phoneNumber')), errors.join('\n'));
        assert.ok(errors.some((m) => /broken\.yaml:13:\d+: error BI\d{3}/.test(m) && m.includes('missing-number')), errors.join('\n'));
        assert.ok(errors.some((m) => m.includes('2 problems')));
        assert.ok(!/\bat BirdInfra\./.test(run.stderr + errors.join('\n')), 'no stack trace');
      } finally {
        await engine.stop();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('an access key that breaks its expect: the error names the expectation and the definition, nothing is registered', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'birdinfra-program-'));
    try {
      mkdirSync(path.join(root, 'stacks'));
      writeFileSync(path.join(root, 'stacks', 'widened.yaml'), [
        'target:',
        '  endpoint: emulator',
        'accessPolicies:',
        '  cc:',
        '    definitions:',
        '      - { effect: allow, actions: [view], resources: ["/workspaces/**"] }',
        'accessRoles:',
        '  cc: { policies: [cc] }',
        'accessKeys:',
        '  cc:',
        '    description: contact center',
        '    roles: [cc]',
        '    expect:',
        '      deny: ["GET /workspaces/*/conversations"]',
        '',
      ].join('\n'));
      const engine = await startEngine({ stack: 'widened', dryRun: true });
      try {
        const run = await runProgram({ engine, stack: 'widened', dryRun: true, config: stacks.local.config, secretKeys: stacks.local.secretKeys, rootDirectory: root, timeoutMs: 30_000 });
        assert.notEqual(run.code, 0);
        assert.equal(engine.registrations().length, 0, 'nothing registered');
        const errors = engine.logs().filter((l) => l.severity === 3).map((l) => l.message);
        assert.ok(errors.some((m) => /widened\.yaml:14:\d+: error BI102/.test(m) && m.includes('definitions[0]') && /widened\.yaml:6\b/.test(m)), errors.join('\n'));
      } finally {
        await engine.stop();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('a missing secret is named with both of its sources, and nothing is registered', async () => {
    const engine = await startEngine({ stack: 'prod', dryRun: true });
    try {
      const config = { ...stacks.prod.config };
      delete config[`${project.name}:whatsappAccessToken`];
      const run = await runProgram({ engine, stack: 'prod', dryRun: true, config, secretKeys: stacks.prod.secretKeys, env: stacks.prod.env });
      assert.notEqual(run.code, 0);
      assert.equal(engine.registrations().length, 0);
      const errors = engine.logs().filter((l) => l.severity === 3).map((l) => l.message).join('\n');
      assert.match(errors, /BIRD_PROD_WHATSAPP_ACCESS_TOKEN/);
      assert.match(errors, /pulumi config set --secret whatsappAccessToken/);
    } finally {
      await engine.stop();
    }
  });
});
