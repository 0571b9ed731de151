// Preloaded with `node --require` by the no-network tests: every way Node offers to reach the
// network throws, and each attempt is appended to the file named by EXECPLAN_NETWORK_LOG.
'use strict';
const fs = require('node:fs');

const logFile = process.env.EXECPLAN_NETWORK_LOG;

function refuse(what) {
  return function refused() {
    const line = `${what} ${JSON.stringify([...arguments].map((arg) => (typeof arg === 'function' ? 'fn' : arg)), (_key, value) => (typeof value === 'bigint' ? String(value) : value)).slice(0, 300)}\n`;
    if (logFile) fs.appendFileSync(logFile, line);
    throw new Error(`network access refused in this test: ${what}`);
  };
}

const net = require('node:net');
net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');
net.Socket.prototype.connect = refuse('net.Socket.connect');
const tls = require('node:tls');
tls.connect = refuse('tls.connect');
for (const name of ['http', 'https', 'http2']) {
  const module = require(`node:${name}`);
  for (const method of ['request', 'get', 'connect']) if (typeof module[method] === 'function') module[method] = refuse(`${name}.${method}`);
}
const dns = require('node:dns');
for (const method of Object.keys(dns)) if (typeof dns[method] === 'function' && /^(lookup|resolve)/.test(method)) dns[method] = refuse(`dns.${method}`);
for (const method of Object.keys(dns.promises)) if (typeof dns.promises[method] === 'function' && /^(lookup|resolve)/.test(method)) dns.promises[method] = refuse(`dns.promises.${method}`);
const dgram = require('node:dgram');
dgram.createSocket = refuse('dgram.createSocket');
globalThis.fetch = refuse('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = refuse('WebSocket');
