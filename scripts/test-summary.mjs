// Adds up every test runner's results and prints the one closing line: "N passed, N failed".
// A runner that left no results (it crashed or never started) counts as a failure.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const fast = process.argv.includes('--fast');
let passed = 0;
let failed = 0;
let skipped = 0;

function read(name) {
  const file = join(dir, name);
  if (!existsSync(file)) {
    console.log(`  ${name}: no results (the runner did not finish: a crash or a sanitizer report?)`);
    failed += 1;
    return null;
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

for (const name of ['results-sqlite.json', 'results-postgres.json']) {
  const r = read(name);
  if (!r) continue;
  let p = 0, f = 0, s = 0;
  for (const suite of r.testsuites ?? []) {
    for (const t of suite.testsuite ?? []) {
      if (t.result === 'SKIPPED') s += 1;
      else if ((t.failures ?? []).length > 0) f += 1;
      else p += 1;
    }
  }
  console.log(`  server (${name.replace('results-', '').replace('.json', '')}): ${p} passed, ${f} failed`);
  passed += p; failed += f; skipped += s;
}

// Each fuzz target's short run is one test: passed when it found no crash, leak or hang.
const fz = read('fuzz.json');
if (fz) {
  const targets = fz.targets ?? [];
  const bad = targets.filter((t) => !t.passed);
  console.log(`  fuzz targets: ${targets.length - bad.length} passed, ${bad.length} failed`);
  for (const t of bad) console.log(`    ${t.name}: ${t.detail}`);
  passed += targets.length - bad.length; failed += bad.length;
  if (targets.length === 0) { console.log('  fuzz targets: none ran'); failed += 1; }
}

// clang-tidy over the server's sources counts as one check: clean, or not.
const ct = read('clang-tidy.json');
if (ct) {
  console.log(`  clang-tidy: ${ct.files} files, ${ct.findings} findings${ct.passed ? '' : ' (failed)'}, ${ct.seconds}s`);
  if (ct.passed) passed += 1; else failed += 1;
}

const v = read('vitest.json');
if (v) {
  console.log(`  web unit: ${v.numPassedTests} passed, ${v.numFailedTests} failed`);
  passed += v.numPassedTests; failed += v.numFailedTests; skipped += v.numPendingTests ?? 0;
  if (v.numTotalTests === 0) { console.log('  web unit: no tests ran'); failed += 1; }
}

if (!fast) {
  const pw = read('playwright.json');
  if (pw) {
    const s = pw.stats ?? {};
    const p = (s.expected ?? 0) + (s.flaky ?? 0);
    const f = s.unexpected ?? 0;
    console.log(`  browser: ${p} passed, ${f} failed`);
    passed += p; failed += f; skipped += s.skipped ?? 0;
    if ((pw.errors ?? []).length > 0) { console.log('  browser: the run reported errors'); failed += 1; }
  }
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
