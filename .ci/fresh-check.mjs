// The fresh-machine check's client (plain Node, no dependencies): waits for /api/health, signs in as the
// demo officer, finds a case of the demo data that has instruments and downloads one instrument's PDF
// through the API. Usage: node fresh-check.mjs <base-url> <out.pdf> [timeout-seconds] [server-pid]
// (with a pid, a server that has exited fails the check at once instead of after the timeout)
import { writeFileSync } from 'node:fs';

const [base, out, timeoutArg, serverPid] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutArg ?? 300) * 1000;
const fail = (msg) => {
  console.error(`FAIL: ${msg}`);
  process.exit(1);
};

let health = null;
const alive = (pid) => {
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
};
while (Date.now() < deadline) {
  if (serverPid && !alive(serverPid)) fail('the server exited before answering /api/health');
  try {
    const r = await fetch(`${base}/api/health`);
    if (r.ok) {
      health = await r.json();
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 1000));
}
if (!health) fail(`${base}/api/health did not answer within ${timeoutArg ?? 300} s`);
console.log('health:', JSON.stringify(health));

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'zhifa', password: 'Fazhi2026!' }),
});
if (login.status !== 200) fail(`login: ${login.status} ${await login.text()}`);
const cookie = String(login.headers.get('set-cookie')).split(';')[0];
const get = async (path) => {
  const r = await fetch(`${base}${path}`, { headers: { cookie } });
  if (r.status !== 200) fail(`GET ${path}: ${r.status} ${await r.text()}`);
  return r;
};

const cases = await (await get('/api/cases?limit=50')).json();
let seen = 0;
for (const c of cases.items) {
  const file = await (await get(`/api/cases/${c.id}`)).json();
  for (const instrument of file.instruments ?? []) {
    seen++;
    const pdf = await fetch(`${base}/api/instruments/${instrument.id}/pdf`, { headers: { cookie } });
    if (pdf.status !== 200) continue; // e.g. an instrument this officer may read but not download
    const bytes = Buffer.from(await pdf.arrayBuffer());
    if (bytes.subarray(0, 5).toString() !== '%PDF-') fail(`instrument ${instrument.id} is not a PDF`);
    writeFileSync(out, bytes);
    console.log(`downloaded ${instrument.title ?? ''} ${instrument.number ?? ''} of case ${c.id}: ${bytes.length} bytes`);
    process.exit(0);
  }
}
fail(`none of the ${seen} instruments of ${cases.items.length} demo cases could be downloaded`);
