'use strict';

const assert = require('node:assert/strict');
const { describe, greeting, healthStatus } = require('./lib/hello');

const tests = {
  'greets the world by default': () => assert.equal(greeting(), 'Hello, world!'),
  'greets by name, trimmed': () => assert.equal(greeting('  Ada '), 'Hello, Ada!'),
  'describes service and version': () =>
    assert.deepEqual(describe('abc123'), { service: 'hello-service', version: 'abc123', message: 'Hello, world!' }),
  'is healthy without a switch': () => assert.equal(healthStatus({ unhealthyFile: false, unhealthyEnv: undefined }), 200),
  'is unhealthy with the UNHEALTHY file': () => assert.equal(healthStatus({ unhealthyFile: true }), 500),
  'is unhealthy with UNHEALTHY=1': () => assert.equal(healthStatus({ unhealthyFile: false, unhealthyEnv: '1' }), 500),
};

let failed = 0;
for (const [name, test] of Object.entries(tests)) {
  try {
    test();
    console.log(`ok - ${name}`);
  } catch (error) {
    failed++;
    console.log(`not ok - ${name}\n  ${error.message}`);
  }
}
console.log(`${Object.keys(tests).length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
