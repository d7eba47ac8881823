// The benchmark suite: `./trellis bench` runs this. It generates (or reuses) the synthetic
// organisation, starts the server on SQLite and then on PostgreSQL with audit logging on, signs
// in real sessions, and drives each scenario with wrk at 64 connections. Results go to
// bench/results/<date>-<database>.json and .md. `--soak` runs a 30-minute mixed load instead (`--soak-minutes N`) and
// reports memory over time. See docs/performance.md.
//
// To set two builds side by side on the same data: `--bin PATH --label NAME` runs another build
// of the server (an earlier commit's, say) and names its results after NAME; `--reuse-data`
// keeps the data set already generated even when the generator's source has changed since
// (use it only when that change cannot alter the data, and say so beside the figures).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const people = Number(flag('--people', 100000));
const seconds = Number(flag('--duration', 15));
const connections = Number(flag('--connections', 64));
const threads = 2;
const soak = args.includes('--soak');
const soakMinutes = Number(flag('--soak-minutes', 30));
const only = flag('--database', 'both'); // sqlite, postgres or both
const bin = flag('--bin', join(root, 'build', 'trellis'));
const reuseData = args.includes('--reuse-data');
const password = 'wattle-river-lantern-morning';
const today = new Date().toISOString().slice(0, 10);
const commit = flag('--label', spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD']).stdout.toString().trim());

function say(text) {
  process.stderr.write(`\x1b[1m==> ${text}\x1b[0m\n`);
}
function run(cmd, argv, env = {}) {
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed`);
  return r.stdout.toString();
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The data set is reused while the generator is unchanged (the server migrates it forward).
function dataStamp() {
  const h = createHash('sha256');
  for (const dir of ['server/src/demo']) {
    for (const f of readdirSync(join(root, dir)).sort()) h.update(f).update(readFileSync(join(root, dir, f)));
  }
  return h.update(String(people)).digest('hex').slice(0, 16);
}

function sqliteData() {
  const dir = join(root, 'var', 'bench');
  mkdirSync(dir, { recursive: true });
  const db = join(dir, `trellis-${people}.db`);
  const stampFile = `${db}.stamp`;
  const stamp = dataStamp();
  if (existsSync(db) && existsSync(stampFile) && (reuseData || readFileSync(stampFile, 'utf8') === stamp)) {
    say(`Reusing ${db}`);
    return { db, generatedSeconds: null };
  }
  for (const suffix of ['', '-wal', '-shm', '-audit.1', '-audit.2', '.stamp']) spawnSync('rm', ['-f', db + suffix]);
  say(`Generating ${people.toLocaleString()} people, 2,000 staff and 50,000 services`);
  const started = Date.now();
  const r = spawnSync(bin, ['--db', `sqlite:${db}`, '--log-level', 'warn', 'demo-data', '--scale', String(people)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('generating the data set failed');
  writeFileSync(stampFile, stamp);
  return { db, generatedSeconds: (Date.now() - started) / 1000 };
}

// A PostgreSQL cluster kept beside the SQLite data set, made once by copying it (the copy takes
// minutes at 100,000 people) and started for each run. The bench's writes go into a database
// copied from the pristine one inside the cluster, so every run starts from the same data.
function startPostgres(sqliteDb) {
  const pg = '/usr/lib/postgresql/15/bin';
  const dir = join(root, 'var', 'bench', `postgres-${people}`);
  const port = 56000 + Math.floor(Math.random() * 2000);
  const asPg = process.getuid() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  const pgRun = (exe, argv) => (asPg.length ? run(asPg[0], [...asPg.slice(1), `${pg}/${exe}`, ...argv]) : run(`${pg}/${exe}`, argv));
  const stamp = dataStamp();
  const stampFile = join(root, 'var', 'bench', `postgres-${people}.stamp`);
  const fresh = !(existsSync(join(dir, 'PG_VERSION')) && existsSync(stampFile) &&
    (reuseData || readFileSync(stampFile, 'utf8') === stamp));
  if (fresh) {
    spawnSync('rm', ['-rf', dir, stampFile]);
    mkdirSync(dir, { recursive: true });
    if (process.getuid() === 0) run('chown', ['postgres', dir]);
    pgRun('initdb', ['-D', dir, '-U', 'trellis', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  }
  pgRun('pg_ctl', ['-D', dir, '-l', `${dir}/log`, '-w', '-o',
    `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_connections=200`, 'start']);
  const url = (name) => `postgresql://trellis@127.0.0.1:${port}/${name}`;
  const stop = () => pgRun('pg_ctl', ['-D', dir, '-m', 'fast', 'stop']);
  try {
    if (fresh) {
      pgRun('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'trellis', 'pristine']);
      say('Copying the data set into PostgreSQL (once for this data set)');
      run(bin, ['--db', `sqlite:${sqliteDb}`, '--log-level', 'warn', 'copy-database', '--to', url('pristine')]);
      writeFileSync(stampFile, stamp);
    }
    run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'trellis', '-d', 'postgres', '-c', 'DROP DATABASE IF EXISTS run', '-c', 'CREATE DATABASE run TEMPLATE pristine']);
  } catch (e) {
    stop();
    throw e;
  }
  return { url: url('run'), stop };
}

async function startServer(db, port) {
  const started = process.hrtime.bigint();
  const server = spawn(bin, ['--db', db, '--log-level', 'warn', 'serve', '--port', String(port), '--web-root', join(root, 'web', 'dist')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error('the server stopped while starting');
    await sleep(5);
  }
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { server, readyMs };
}

async function signIn(base, email) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`sign-in failed for ${email}: ${r.status}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  return { cookie, csrf: (await r.json()).csrfToken };
}

async function getJson(base, session, path) {
  // A kept-alive connection the server closed while wrk ran is reused once by fetch; try again.
  const get = () => fetch(base + path, { headers: { Cookie: session.cookie } });
  const r = await get().catch(get);
  if (!r.ok) throw new Error(`GET ${path}: ${r.status}`);
  return r.json();
}

// The peak since the last reset: resetting before each scenario gives each its own peak.
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not permitted: the peak is then since start
  }
}
function peakMb(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : null;
}
function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : null;
}

function wrk(base, script, env, duration) {
  const out = run('wrk', [`-t${threads}`, `-c${connections}`, `-d${duration}s`, '--timeout', '10s', '-s', join(here, 'scenarios', script), base], {
    BENCH_DIR: join(here, 'scenarios'),
    BENCH_THREADS: String(threads),
    ...env,
  });
  const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`wrk gave no summary for ${script}:\n${out}`);
  return JSON.parse(line.slice('BENCH_JSON '.length));
}

async function prepare(base) {
  const worker = await signIn(base, 'worker1@scale.example');
  const partner = await signIn(base, 'partner@demo.example');
  const caseload = (await getJson(base, worker, '/api/v1/people?limit=100')).items.map((p) => p.id);
  const areas = (await getJson(base, worker, '/api/v1/life-areas')).items.filter((a) => a.active !== false).map((a) => a.id);
  // Each step with its version now: read again before every run, as the last run moved them on.
  const steps = async () => {
    const out = [];
    for (const id of caseload) {
      for (const g of (await getJson(base, worker, `/api/v1/people/${id}/goals`)).items) {
        for (const s of g.steps ?? []) out.push(`${id}/${g.id}/${s.id}/${s.version}`);
      }
    }
    return out;
  };
  return { worker, partner, caseload, areas, steps };
}

function scenarios(ctx) {
  const w = { BENCH_COOKIE: ctx.worker.cookie, BENCH_CSRF: ctx.worker.csrf };
  // The summaries read one half of the caseload and the check-ins go to the other: a soak's
  // rounds of check-ins would otherwise give each person read hundreds of them, and the summary
  // would be measured on records no person has.
  const half = Math.ceil(ctx.caseload.length / 2);
  const summary = ctx.caseload.slice(0, half).flatMap((id) => [`/api/v1/people/${id}`, `/api/v1/people/${id}/plan`, `/api/v1/people/${id}/goals`, `/api/v1/people/${id}/check-ins`]);
  return [
    { name: 'caseload list', kind: 'read', script: 'get.lua', env: { ...w, BENCH_PATHS: '/api/v1/people?limit=60' } },
    { name: "a person's summary", kind: 'read', script: 'get.lua', env: { ...w, BENCH_PATHS: summary.join('|') } },
    { name: 'life-area check-in', kind: 'write', script: 'check-in.lua', env: { ...w, BENCH_PEOPLE: ctx.caseload.slice(half).join('|'), BENCH_AREAS: ctx.areas.join('|') } },
    { name: 'goal step update (If-Match)', kind: 'write', script: 'step-update.lua', env: async () => ({ ...w, BENCH_STEPS: (await ctx.steps()).join('|') }) },
    {
      name: 'directory search (text, category, distance)',
      kind: 'read',
      script: 'get.lua',
      env: { ...w, BENCH_PATHS: ['q=counselling', 'category=housing', 'near=Northcote&q=peer', 'q=food&near=3220', 'category=employment&near=Footscray'].map((q) => `/api/v1/directory/services?${q}`).join('|') },
    },
    { name: "partner agency's referral inbox", kind: 'read', script: 'get.lua', env: { BENCH_COOKIE: ctx.partner.cookie, BENCH_PATHS: '/api/v1/partner/referrals' } },
    { name: '/healthz', kind: 'ceiling', script: 'get.lua', env: { BENCH_COOKIE: '', BENCH_PATHS: '/healthz' } },
  ];
}

async function benchDatabase(database, dbUrl, port) {
  say(`Starting the server on ${database}`);
  const { server, readyMs } = await startServer(dbUrl, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const ctx = await prepare(base);
    const results = [];
    for (const s of scenarios(ctx)) {
      say(`${database}: ${s.name}`);
      const env = async () => (typeof s.env === 'function' ? s.env() : s.env);
      wrk(base, s.script, await env(), 3); // warm up
      resetPeak(server.pid);
      const r = wrk(base, s.script, await env(), seconds);
      results.push({
        name: s.name,
        kind: s.kind,
        rps: Math.round((r.requests / r.duration_us) * 1e6),
        p50_ms: Math.round(r.p50_us / 10) / 100,
        p99_ms: Math.round(r.p99_us / 10) / 100,
        errors: r.errors,
        peak_rss_mb: peakMb(server.pid),
      });
    }
    return { commit, date: today, database, people, ready_ms: Math.round(readyMs), scenarios: results, pending };
  } finally {
    server.kill('SIGTERM');
  }
}

// Scenarios of the issue whose areas have not landed yet: shown in the table, never faked.
const pending = [
  { name: 'contact note', kind: 'write', area: '3C collaboration' },
  { name: "organisation's indicator dashboard", kind: 'read', area: '4D workforce' },
];

function markdown(result) {
  const ceiling = result.scenarios.find((s) => s.kind === 'ceiling')?.rps ?? 0;
  const rows = result.scenarios.map(
    (s) => `| ${s.name} | ${s.kind} | ${s.rps.toLocaleString('en-AU')} | ${s.p50_ms} | ${s.p99_ms} | ${s.errors} | ${s.peak_rss_mb} | ${ceiling ? (s.rps / ceiling).toFixed(2) : ''} |`,
  );
  return [
    `${result.database}, ${result.people.toLocaleString('en-AU')} people, commit ${result.commit}, ${result.date}; ready ${result.ready_ms} ms after start; ${connections} connections, ${seconds} s each, audit on.`,
    '',
    '| scenario | kind | requests/s | p50 ms | p99 ms | errors | server peak MB | of ceiling |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    ...pending.map((p) => `| ${p.name} | ${p.kind} | not yet: waits for area ${p.area} | | | | | |`),
    '',
  ].join('\n');
}

function save(result) {
  const dir = join(here, 'results');
  mkdirSync(dir, { recursive: true });
  const label = args.includes('--label') ? `-${commit}` : '';
  const name = join(dir, `${result.date}-${result.database}${label}`);
  writeFileSync(`${name}.json`, JSON.stringify(result, null, 2) + '\n');
  writeFileSync(`${name}.md`, markdown(result));
  process.stdout.write(`\n${markdown(result)}\n`);
}

async function soakRun(dbUrl, port, minutes) {
  const { server } = await startServer(dbUrl, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const ctx = await prepare(base);
    const mix = scenarios(ctx).filter((s) => s.kind !== 'ceiling');
    const samples = [];
    const startedAt = Date.now();
    let errors = 0;
    let requests = 0;
    for (let i = 0; Date.now() - startedAt < minutes * 60000; i += 1) {
      const s = mix[i % mix.length];
      const r = wrk(base, s.script, typeof s.env === 'function' ? await s.env() : s.env, 20);
      errors += r.errors;
      requests += r.requests;
      // Each round's rate too: a scenario that slows as the audit log grows shows it here.
      const perSecond = Math.round(r.requests / (r.duration_us / 1e6));
      samples.push({ minute: Math.round((Date.now() - startedAt) / 600) / 100, scenario: s.name, rss_mb: rssMb(server.pid), requests_per_s: perSecond });
      say(`soak ${samples.at(-1).minute} min: ${s.name}, ${perSecond}/s, memory ${samples.at(-1).rss_mb} MB, errors so far ${errors}`);
    }
    // Growth is counted from minute 5, once the page caches have warmed (issue 11's measure).
    const first = (samples.find((x) => x.minute >= Math.min(5, minutes / 2)) ?? samples.at(-1)).rss_mb;
    const last = samples.at(-1).rss_mb;
    const result = { commit, date: today, database: 'sqlite', people, minutes, requests, errors, growth_percent: Math.round(((last - first) / first) * 1000) / 10, samples };
    const label = args.includes('--label') ? `-${commit}` : '';
    writeFileSync(join(here, 'results', `${today}-soak${label}.json`), JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`Soak: ${requests.toLocaleString()} requests, ${errors} errors, memory ${first} MB at minute 5, ${last} MB at the end (${result.growth_percent}%).\n`);
  } finally {
    server.kill('SIGTERM');
  }
}

const data = sqliteData();
if (data.generatedSeconds !== null) say(`Generated in ${Math.round(data.generatedSeconds)} s`);
if (soak) {
  const work = join(root, 'var', 'bench', 'run-sqlite.db');
  for (const suffix of ['', '-wal', '-shm', '-audit.1', '-audit.2']) spawnSync('rm', ['-f', work + suffix]);
  run('cp', ['--reflink=auto', data.db, work]);
  await soakRun(`sqlite:${work}`, 18400, soakMinutes);
} else {
  if (only !== 'postgres') {
    // Each run starts from the data set as generated: the writes of the last run are not in it.
    const work = join(root, 'var', 'bench', 'run-sqlite.db');
    for (const suffix of ['', '-wal', '-shm', '-audit.1', '-audit.2']) spawnSync('rm', ['-f', work + suffix]);
    run('cp', ['--reflink=auto', data.db, work]);
    save(await benchDatabase('sqlite', `sqlite:${work}`, 18400));
  }
  if (only !== 'sqlite') {
    const pg = startPostgres(data.db);
    try {
      save(await benchDatabase('postgres', pg.url, 18401));
    } finally {
      pg.stop();
    }
  }
}
