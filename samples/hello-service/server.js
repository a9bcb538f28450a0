'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { describe, healthStatus } = require('./lib/hello');

const port = Number.parseInt(process.env.PORT ?? '3000', 10);
const host = process.env.HOST ?? '127.0.0.1';
const versionFile = path.join(__dirname, 'version.txt');
const version = process.env.VERSION
  || (fs.existsSync(versionFile) ? fs.readFileSync(versionFile, 'utf8').trim() : 'unknown');

function json(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, `http://${req.headers.host ?? 'localhost'}`);
  if (req.method === 'GET' && url.pathname === '/') {
    json(res, 200, describe(version, url.searchParams.get('name')));
  } else if (req.method === 'GET' && url.pathname === '/health') {
    const status = healthStatus({
      unhealthyFile: fs.existsSync(path.join(__dirname, 'UNHEALTHY')),
      unhealthyEnv: process.env.UNHEALTHY,
    });
    json(res, status, { status: status === 200 ? 'ok' : 'unhealthy', version });
  } else {
    json(res, 404, { error: `no route for ${req.method} ${url.pathname}` });
  }
});

server.listen(port, host, () => {
  console.log(`hello-service ${version} listening on http://${host}:${port}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    console.log(`hello-service ${version} stopping (${signal})`);
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
