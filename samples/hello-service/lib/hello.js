'use strict';

// Pure functions of the service, so test.js can exercise them without a server.

const SERVICE = 'hello-service';

function greeting(name) {
  const who = typeof name === 'string' && name.trim() !== '' ? name.trim() : 'world';
  return `Hello, ${who}!`;
}

function describe(version, name) {
  return { service: SERVICE, version, message: greeting(name) };
}

function healthStatus({ unhealthyFile, unhealthyEnv }) {
  return unhealthyFile || unhealthyEnv === '1' ? 500 : 200;
}

module.exports = { SERVICE, greeting, describe, healthStatus };
