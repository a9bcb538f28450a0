'use strict';

// Copies the service into out/ and stamps the commit it was built from into out/version.txt.
// An UNHEALTHY file next to this script is copied too: the switch that makes a version fail its health check.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const here = __dirname;
const out = path.join(here, 'out');

function commit() {
  if (process.env.COMMIT_SHA) return process.env.COMMIT_SHA;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'dev';
  }
}

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'lib'), { recursive: true });
for (const file of ['server.js', 'lib/hello.js', 'UNHEALTHY']) {
  const from = path.join(here, file);
  if (fs.existsSync(from)) fs.copyFileSync(from, path.join(out, file));
}
const version = commit();
fs.writeFileSync(path.join(out, 'version.txt'), `${version}\n`);
console.log(`built hello-service ${version} into ${path.relative(process.cwd(), out) || '.'}`
  + (fs.existsSync(path.join(out, 'UNHEALTHY')) ? ' (marked UNHEALTHY)' : ''));
