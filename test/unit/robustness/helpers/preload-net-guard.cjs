// Preloaded with `node -r` into a CLI process (and, through execArgv, into its worker threads):
// any attempt to open a network connection or resolve a name is written to stderr as
// "NETWORK-ATTEMPT <what>" and fails.
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const { threadId } = require('node:worker_threads');

function attempt(what) {
  process.stderr.write(`NETWORK-ATTEMPT thread ${threadId}: ${what}\n`);
  throw new Error(`network attempt blocked: ${what}`);
}
net.Socket.prototype.connect = function () {
  attempt('net.Socket#connect');
};
net.connect = net.createConnection = () => attempt('net.connect');
tls.connect = () => attempt('tls.connect');
dns.lookup = () => attempt('dns.lookup');
dns.promises.lookup = () => attempt('dns.promises.lookup');
for (const mod of [http, https]) {
  mod.request = () => attempt(`${mod === http ? 'http' : 'https'}.request`);
  mod.get = () => attempt(`${mod === http ? 'http' : 'https'}.get`);
}
globalThis.fetch = () => attempt('fetch');
process.stderr.write(`NET-GUARD thread ${threadId}\n`);
