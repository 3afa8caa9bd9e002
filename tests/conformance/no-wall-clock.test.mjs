// The suite synchronises on events and never judges wall-clock time (issue 21): this guard reads every test source,
// tests/conformance/**/*.mjs and tests/**/*.cs, and fails when one of these comes back:
//
//   upper-bound   an assertion that elapsed wall-clock time is below a bound.
//                 JS: an assert/expect (or `if (…) assert.fail`) whose `<`/`<=` has a measured time on the left (or
//                 `>`/`>=` on the right): performance.now(), Date.now(), process.hrtime, new Date(), .getTime(), or a
//                 name or property assigned from one (followed through assignments, object properties, .push), or a
//                 name like fooMs / elapsed / duration.
//                 C#: BeLessThan, BeLessThanOrEqualTo, BeLessOrEqualTo, BeCloseTo, BeInRange, Assert.True/False/
//                 InRange on a statement that reads the real clock (Stopwatch, .Elapsed, ElapsedMilliseconds,
//                 ElapsedTicks, DateTime(Offset).Now/UtcNow, Environment.TickCount, TimeProvider.System, or a local
//                 assigned from one); BeCloseTo/BeLessThan… on a TimeSpan in a test method that reads the real clock;
//                 CompleteWithin(Async), ExecutionTime(), ExecutionTimeOf( anywhere.
//   sleep         a sleep standing in for an event.
//                 JS: new Promise((r) => setTimeout(r, N)), setTimeout(resolve, N), await sleep(/delay(/wait(,
//                 node:timers/promises, Atomics.wait, a shell `sleep`.
//                 C#: Thread.Sleep(, Task.Delay( (unless Timeout.Infinite, or on a TimeProvider the test moves),
//                 SpinWait.SpinUntil(.
//
// A legitimate use (a cleanup that must not hang, the poll interval inside a wait on a condition) carries a comment
// `wall-clock-ok: <reason>` on its line or the line above; ALLOWED below lists the few that cannot. Test timeouts
// that only guard against a hang (node:test's `timeout`, a wait helper that throws "timed out waiting for …") are not
// what this looks for. The second test shows the guard catches each pattern (the ones issue 21 removed among them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/harness.mjs';

const SELF = 'tests/conformance/no-wall-clock.test.mjs';

/** Lasting exceptions that cannot carry a `wall-clock-ok:` comment (none today): { file, rule, contains, why }. */
const ALLOWED = [];

// ---------------------------------------------------------------------------------------------------------------------

/** Source with comments and the contents of string literals blanked (same length, newlines kept). */
function blank(source, { csharp = false } = {}) {
  let out = '';
  let i = 0;
  const keepNewlines = (s) => s.replace(/[^\n]/g, ' ');
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      out += keepNewlines(source.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += keepNewlines(source.slice(i, stop));
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      const verbatim = csharp && c === '"' && (source[i - 1] === '@' || (source[i - 1] === '$' && source[i - 2] === '@') || (source[i - 1] === '@' && source[i - 2] === '$'));
      let j = i + 1;
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\' && !verbatim) j++;
        else if (c !== '`' && source[j] === '\n' && !verbatim) break;
        j++;
      }
      out += c + keepNewlines(source.slice(i + 1, j)) + (j < source.length ? source[j] : '');
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const lineAt = (text, offset) => text.slice(0, offset).split('\n').length;

/** The text between the parenthesis at `open` and its match. */
function balanced(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

// --- JavaScript ------------------------------------------------------------------------------------------------------

const JS_TIME_SEEDS = /performance\s*\.\s*now\s*\(|Date\s*\.\s*now\s*\(|process\s*\.\s*hrtime|new\s+Date\s*\(\s*\)|\.getTime\s*\(|process\s*\.\s*uptime\s*\(/;
const JS_TIME_NAME = /^(?:elapsed|duration|took|ms|millis)$|(?:Ms|MS|Millis|Elapsed|Duration)$|^elapsed[A-Z_]/;

const IDENT = /[A-Za-z_$][\w$]*/g;

/** Properties any file sets straight from a clock ({ at: performance.now() } in the harness): measured times everywhere. */
function jsSharedTimeNames(sources) {
  const names = new Set();
  for (const text of sources) {
    for (const m of text.matchAll(/[{,]\s*([A-Za-z_$][\w$]*)\s*:\s*([^,;}\n]+)/g)) if (JS_TIME_SEEDS.test(m[2])) names.add(m[1]);
  }
  return names;
}

/**
 * What holds a measured time in one file: names declared or assigned from one, properties set from one, arrays one is
 * pushed to, followed to a fixed point; plus the shared names and names like fooMs.
 */
function jsTimeNames(text, shared) {
  const names = new Set(shared);
  const tainted = (expr) => JS_TIME_SEEDS.test(expr) || (expr.match(IDENT) ?? []).some((w) => names.has(w) || JS_TIME_NAME.test(w));
  const rules = [
    /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]+)/g,
    /(?:^|[;{}]|\n)\s*([A-Za-z_$][\w$]*)\s*[-+]?=(?![=>])\s*([^;\n]+)/g,
    /[{,]\s*([A-Za-z_$][\w$]*)\s*:\s*([^,;}\n]+)/g,
    /([A-Za-z_$][\w$]*)\s*\.\s*push\s*\(([^;\n]+)\)/g,
  ];
  for (let changed = true; changed;) {
    changed = false;
    for (const rule of rules) {
      for (const m of text.matchAll(rule)) {
        if (!names.has(m[1]) && tainted(m[2])) { names.add(m[1]); changed = true; }
      }
    }
  }
  return { names, tainted };
}

/** Each relational comparison in `expr` with its two operands (at the comparison's own nesting level). */
function comparisons(expr) {
  const found = [];
  const ops = /<=|>=|<|>/g;
  for (const m of expr.matchAll(ops)) {
    const at = m.index;
    const op = m[0];
    const before = expr[at - 1];
    const after = expr[at + op.length];
    if (op === '>' && before === '=') continue; // =>
    if (before === '<' || before === '>' || after === '<' || after === '>' || (op.length === 1 && after === '=' )) continue; // shifts
    found.push({ op, left: operand(expr, at - 1, -1), right: operand(expr, at + op.length, 1) });
  }
  return found;
}

/** The operand next to a comparison: up to the first unmatched bracket or a top-level , && || ? : ! on that side. */
function operand(expr, from, step) {
  let depth = 0;
  let i = from;
  const [opening, closing] = step < 0 ? ['([{', ')]}'] : [')]}', '([{'];
  for (; i >= 0 && i < expr.length; i += step) {
    const c = expr[i];
    if (closing.includes(c)) depth++;
    else if (opening.includes(c)) { if (depth === 0) break; depth--; } else if (depth === 0 && /[,?:;]/.test(c)) break;
    else if (depth === 0 && (expr.slice(i, i + 2) === '&&' || expr.slice(i, i + 2) === '||' || expr.slice(i - 1, i + 1) === '&&' || expr.slice(i - 1, i + 1) === '||')) break;
  }
  return step < 0 ? expr.slice(i + 1, from + 1) : expr.slice(from, i);
}

const JS_ASSERTION = /\bassert(?:\s*\.\s*\w+)?\s*\(|\bexpect\s*\(|\bt\s*\.\s*(?:ok|assert)\s*\(/g;
const JS_FAIL_IF = /\bif\s*\(/g;
const JS_SLEEPS = [
  /new\s+Promise\s*\(\s*\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*\{?\s*setTimeout\s*\(\s*\1\s*,/,
  /\bsetTimeout\s*\(\s*resolve\s*,/,
  /\bawait\s+(?:sleep|delay|wait|pause)\s*\(/,
  /['"](?:node:)?timers\/promises['"]/,
  /\bAtomics\s*\.\s*wait\s*\(/,
  /\b(?:execSync|execFileSync|spawnSync)\s*\(\s*['"`]sleep\b/,
];

function scanJs(file, source, shared) {
  const hits = [];
  const text = blank(source);
  const time = jsTimeNames(text, shared);
  const sleepText = blank(source.replace(/(['"`])((?:node:)?timers\/promises|sleep)\1/g, '«$2»')).replace(/«([^»]*)»/g, "'$1'");
  const add = (rule, offset) => hits.push({ file, rule, line: lineAt(text, offset) });
  // Asserted: `time < n` or `n > time`. A condition that fails the test (`if (time > n) assert.fail`) bounds the other way.
  const upperBound = (expr, failsWhen = false) => comparisons(expr).some(({ op, left, right }) => ((op[0] === '<') !== failsWhen ? time.tainted(left) : time.tainted(right)));
  for (const m of text.matchAll(JS_ASSERTION)) {
    if (upperBound(balanced(text, m.index + m[0].length - 1))) add('upper-bound', m.index);
  }
  for (const m of text.matchAll(JS_FAIL_IF)) {
    const open = m.index + m[0].length - 1;
    const condition = balanced(text, open);
    const body = text.slice(open + condition.length + 2, open + condition.length + 200);
    if (/^\s*\{?\s*(?:assert\s*\.\s*fail|t\s*\.\s*fail|assert\s*\()/.test(body) && upperBound(condition, true)) add('upper-bound', m.index);
  }
  sleepText.split('\n').forEach((line, i) => {
    if (JS_SLEEPS.some((p) => p.test(line))) hits.push({ file, rule: 'sleep', line: i + 1 });
  });
  return hits;
}

// --- C# --------------------------------------------------------------------------------------------------------------

const CS_CLOCK = /\bStopwatch\b|\.\s*Elapsed\b|\bElapsedMilliseconds\b|\bElapsedTicks\b|\bDateTime(?:Offset)?\s*\.\s*(?:Utc)?Now\b|\bEnvironment\s*\.\s*TickCount|\bTimeProvider\s*\.\s*System\b/;
const CS_UPPER = /\.\s*(?:BeLessThan|BeLessThanOrEqualTo|BeLessOrEqualTo|BeCloseTo|BeInRange)\s*\(|\bAssert\s*\.\s*(?:True|False|InRange)\s*\(/;
const CS_ALWAYS = /\bCompleteWithin(?:Async)?\s*\(|\bExecutionTime\s*\(\s*\)|\bExecutionTimeOf\s*\(/;
const CS_SLEEPS = [/\bThread\s*\.\s*Sleep\s*\(/, /\bSpinWait\s*\.\s*SpinUntil\s*\(/];

function scanCs(file, source) {
  const hits = [];
  const text = blank(source, { csharp: true });
  const add = (rule, offset) => hits.push({ file, rule, line: lineAt(text, offset) });
  // Locals (and fields, properties) assigned from the real clock, followed to a fixed point within the file.
  const names = new Set();
  const tainted = (expr) => CS_CLOCK.test(expr) || [...(expr.match(/[A-Za-z_]\w*/g) ?? [])].some((w) => names.has(w));
  for (let changed = true; changed;) {
    changed = false;
    for (const m of text.matchAll(/([A-Za-z_]\w*)\s*(?:\+|-)?=(?![=>])\s*([^;]+)/g)) {
      if (!names.has(m[1]) && tainted(m[2])) { names.add(m[1]); changed = true; }
    }
  }
  // Test methods (from one [Fact]/[Theory] to the next) that read the real clock at all.
  const starts = [...text.matchAll(/\[(?:Fact|Theory|SkippableFact)\b/g)].map((m) => m.index);
  const methodOf = (offset) => {
    const start = [...starts].reverse().find((s) => s <= offset) ?? 0;
    const end = starts.find((s) => s > offset) ?? text.length;
    return text.slice(start, end);
  };
  let start = 0;
  for (const stop of [...text.matchAll(/[;{}]/g)].map((m) => m.index).concat(text.length)) {
    const statement = text.slice(start, stop);
    const offset = start + (statement.length - statement.trimStart().length);
    start = stop + 1;
    if (CS_ALWAYS.test(statement)) add('upper-bound', offset);
    else if (CS_UPPER.test(statement) && (tainted(statement) || (/\bTimeSpan\s*\.\s*From\w+\s*\(/.test(statement) && CS_CLOCK.test(methodOf(offset))))) add('upper-bound', offset);
    if (CS_SLEEPS.some((p) => p.test(statement))) add('sleep', offset);
    for (const m of statement.matchAll(/\bTask\s*\.\s*Delay\s*\(/g)) {
      const args = balanced(statement, m.index + m[0].length - 1);
      const infinite = /\bTimeout\s*\.\s*Infinite(?:TimeSpan)?\b/.test(args);
      const movedClock = args.split(',').slice(1).some((a) => /time|clock/i.test(a) && !/TimeProvider\s*\.\s*System/.test(a) && !/CancellationToken|\.Token\b|\bct\b|timeout/i.test(a));
      if (!infinite && !movedClock) add('sleep', offset);
    }
  }
  return hits;
}

// --- the scan ----------------------------------------------------------------------------------------------------------

function filesUnder(dir, ext, skip) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.includes(entry.name)) found.push(...filesUnder(full, ext, skip));
    } else if (entry.name.endsWith(ext)) {
      found.push(full);
    }
  }
  return found;
}

/** Hits in `files` ({ file: repo-relative path, source }), before exceptions. */
function scan(files) {
  const js = files.filter((f) => f.file.endsWith('.mjs') || f.file.endsWith('.js'));
  const shared = jsSharedTimeNames(js.map((f) => blank(f.source)));
  const hits = [];
  for (const f of files) {
    const found = f.file.endsWith('.cs') ? scanCs(f.file, f.source) : scanJs(f.file, f.source, shared);
    const lines = f.source.split('\n');
    for (const h of found) {
      h.text = lines[h.line - 1].trim();
      h.marked = /wall-clock-ok:\s*\S/.test(lines[h.line - 1]) || /wall-clock-ok:\s*\S/.test(lines[h.line - 2] ?? '');
    }
    hits.push(...found);
  }
  return hits;
}

function testSources() {
  const root = repoRoot;
  const mjs = filesUnder(path.join(root, 'tests', 'conformance'), '.mjs', ['node_modules']);
  const cs = filesUnder(path.join(root, 'tests'), '.cs', ['bin', 'obj', 'node_modules', 'conformance']);
  return [...mjs, ...cs]
    .map((full) => ({ file: path.relative(root, full).split(path.sep).join('/'), source: readFileSync(full, 'utf8') }))
    .filter((f) => f.file !== SELF);
}

const matches = (entry, hit) => entry.file === hit.file && entry.rule === hit.rule && hit.text.includes(entry.contains);

test('no test judges elapsed wall-clock time or sleeps in place of an event', () => {
  const files = testSources();
  assert.ok(files.some((f) => f.file.endsWith('.cs')) && files.some((f) => f.file.endsWith('.mjs')), 'both suites were read');
  const hits = scan(files).filter((h) => !h.marked);
  const exceptions = [...ALLOWED];
  const found = hits.filter((h) => !exceptions.some((e) => matches(e, h)));
  const describe = (h) => `${h.file}:${h.line} ${h.rule}: ${h.text}`;
  for (const h of hits.filter((x) => !found.includes(x))) console.log(`excepted: ${describe(h)}`);
  assert.deepEqual(found.map(describe), [], 'wait on an event instead (the call log, a delivery record, a printed line, a TimeProvider the test moves); measure speed in bench/');
  const stale = exceptions.filter((e) => !hits.some((h) => matches(e, h)));
  assert.deepEqual(stale.map((e) => `${e.file} ${e.rule}: ${e.contains}`), [], 'these exceptions match nothing any more: delete them from no-wall-clock.test.mjs');
});

test('the guard finds each pattern it looks for, and leaves event waits alone', () => {
  const js = (source) => scan([{ file: 'x.mjs', source }]).filter((h) => !h.marked).map((h) => h.rule);
  const cs = (source) => scan([{ file: 'X.cs', source }]).filter((h) => !h.marked).map((h) => h.rule);

  // What issue 21 removed (startup.test.mjs:44,49, lifecycle.test.mjs:27,49,67,87, cancel.test.mjs:54,63).
  assert.deepEqual(js(`
    const runs = [];
    const gone = performance.now();
    const { code, at } = await plugin.exited;
    runs.push({ port: plugin.portPrintMs, exit: at - gone });
    const port = median(runs.map((r) => r.port));
    assert.ok(Math.max(...runs.map((r) => r.exit)) < 1000, 'exit');
    assert.ok(port < 300, \`median port line \${port}\`);`), ['upper-bound', 'upper-bound']);
  assert.deepEqual(js(`
    const times = [];
    times.push(plugin.portPrintMs);
    assert.ok(Math.max(...times) < 2000, 'port');
    const signalled = performance.now();
    assert.ok(at - signalled < 1000, 'exit took');`), ['upper-bound', 'upper-bound']);
  assert.deepEqual(js(`
    await new Promise((r) => setTimeout(r, 300));
    const sent = performance.now();
    const answeredMs = performance.now() - sent;
    assert.ok(answeredMs < 3000, 'answered');`), ['upper-bound', 'sleep']);
  assert.deepEqual(js('const t0 = Date.now();\nassert.equal(Date.now() - t0 <= 50, true);'), ['upper-bound']);
  assert.deepEqual(js('const t0 = Date.now();\nassert.ok(5000 > Date.now() - t0);'), ['upper-bound']);
  assert.deepEqual(js('const s = process.hrtime.bigint();\nif (process.hrtime.bigint() - s > 10n) assert.fail("slow");'), ['upper-bound']);
  assert.deepEqual(js('await sleep(100);'), ['sleep']);
  assert.deepEqual(js('await new Promise(r => setTimeout(r, 1500));'), ['sleep']);
  assert.deepEqual(js("import { setTimeout as wait } from 'node:timers/promises';"), ['sleep']);
  assert.deepEqual(js('await new Promise((resolve) => { setTimeout(resolve, 20); });'), ['sleep']);
  // Not these: a lower bound, a hang guard, a figure printed, a marked cleanup, text in strings and comments.
  assert.deepEqual(js(`
    const t0 = performance.now();
    assert.ok(performance.now() - t0 >= 0);
    if (performance.now() > deadline) throw new Error('timed out waiting for the port');
    console.log(\`took \${performance.now() - t0} ms\`);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]); // wall-clock-ok: cleanup
    assert.ok(list.length < 3, 'performance.now() < 5');
    // assert.ok(elapsedMs < 5)
    const timer = setTimeout(() => reject(new Error('no port')), 30_000);
    assert.ok(calls.findIndex((c) => c.method === 'POST') < calls.length);`), []);

  // C#: upper bounds on real time, and sleeps.
  assert.deepEqual(cs('var sw = Stopwatch.StartNew();\nsw.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));'), ['upper-bound']);
  assert.deepEqual(cs('var watch = Stopwatch.StartNew();\nvar took = watch.ElapsedMilliseconds;\ntook.Should().BeLessOrEqualTo(300);'), ['upper-bound']);
  assert.deepEqual(cs('var start = DateTime.UtcNow;\nAssert.True(DateTime.UtcNow - start < TimeSpan.FromSeconds(2));'), ['upper-bound']);
  assert.deepEqual(cs('await act.Should().CompleteWithinAsync(TimeSpan.FromSeconds(1));'), ['upper-bound']);
  assert.deepEqual(cs('[Fact]\npublic async Task T()\n{\n  var at = DateTimeOffset.UtcNow.AddSeconds(5);\n  c.Delays.Single().Should().BeCloseTo(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1.5));\n}'), ['upper-bound']);
  assert.deepEqual(cs('var sw = Stopwatch.StartNew();\nAssert.True(sw.ElapsedMilliseconds < 500);'), ['upper-bound']);
  assert.deepEqual(cs('Thread.Sleep(100);'), ['sleep']);
  assert.deepEqual(cs('await Task.Delay(300);'), ['sleep']);
  assert.deepEqual(cs('await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);'), ['sleep']);
  assert.deepEqual(cs('await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, ct);'), ['sleep']);
  // Not these: a moved clock, an endless wait, a lower bound, counts, a figure written out, a marked line.
  assert.deepEqual(cs(`
    await Task.Delay(TimeSpan.FromSeconds(5), time, ct);
    await Task.Delay(Timeout.Infinite, token);
    clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    calls.Count.Should().BeLessThanOrEqualTo(12);
    output.WriteLine($"{stopwatch.Elapsed.TotalMilliseconds:F1} ms");
    await Task.Delay(25); // wall-clock-ok: poll interval
    var s = "Thread.Sleep(1)";`), []);
});
