/**
 * Records every outbound network attempt made in this process: sockets (TCP, TLS, IPC paths),
 * HTTP(S) requests, DNS lookups and fetch. In 'deny' mode each attempt also fails with an error;
 * in 'allow' mode it goes through (to check where a command connects). restore() puts every
 * patched function back.
 */
// `import x = require()` binds the modules themselves (a namespace import would be a copy, and
// patching a copy would not reach the code under test).
import dns = require('node:dns');
import http = require('node:http');
import https = require('node:https');
import net = require('node:net');
import tls = require('node:tls');

export interface NetAttempt {
  via: string;
  /** host:port, a socket path, a URL or a host name. */
  target: string;
}

export interface NetGuard {
  attempts: NetAttempt[];
  restore(): void;
}

type AnyFn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

function describeTarget(args: unknown[]): string {
  const [a, b] = args;
  if (Array.isArray(a)) return describeTarget(a); // Socket#connect's internal normalized form
  if (typeof a === 'number') return `${typeof b === 'string' ? b : 'localhost'}:${a}`;
  if (typeof a === 'string') return /^\d+$/.test(a) ? `${typeof b === 'string' ? b : 'localhost'}:${a}` : a;
  if (a instanceof URL) return a.href;
  if (a && typeof a === 'object') {
    const o = a as { path?: string; host?: string; hostname?: string; port?: number | string; href?: string; protocol?: string; socketPath?: string };
    if (o.href) return o.href;
    if (o.socketPath) return `socket:${o.socketPath}`;
    if (o.path && !o.host && !o.hostname && o.port === undefined) return `socket:${o.path}`;
    return `${o.hostname ?? o.host ?? 'localhost'}:${o.port ?? ''}`;
  }
  return String(a);
}

function describeFetch(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (input && typeof input === 'object' && 'url' in input) return String((input as { url: unknown }).url);
  return String(input);
}

export function installNetGuard(mode: 'deny' | 'allow'): NetGuard {
  const attempts: NetAttempt[] = [];
  const restorers: (() => void)[] = [];

  const patch = <T extends object>(owner: T, key: keyof T & string, via: string, describe: (args: unknown[]) => string = describeTarget) => {
    const original = owner[key] as unknown as AnyFn;
    if (typeof original !== 'function') return;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      attempts.push({ via, target: describe(args) });
      if (mode === 'deny') throw new Error(`network access blocked by the test (${via} ${describe(args)})`);
      return original.apply(this, args);
    };
    Object.defineProperty(owner, key, { value: wrapped, configurable: true, writable: true });
    restorers.push(() => Object.defineProperty(owner, key, { value: original, configurable: true, writable: true }));
  };

  patch(net.Socket.prototype, 'connect', 'net.Socket#connect');
  patch(net, 'connect', 'net.connect');
  patch(net, 'createConnection', 'net.createConnection');
  patch(tls, 'connect', 'tls.connect');
  patch(http, 'request', 'http.request');
  patch(http, 'get', 'http.get');
  patch(https, 'request', 'https.request');
  patch(https, 'get', 'https.get');
  patch(dns, 'lookup', 'dns.lookup', (args) => String(args[0]));
  patch(dns.promises, 'lookup', 'dns.promises.lookup', (args) => String(args[0]));
  if (typeof globalThis.fetch === 'function') patch(globalThis, 'fetch', 'fetch', (args) => describeFetch(args[0]));

  return {
    attempts,
    restore() {
      for (const r of restorers.reverse()) r();
      restorers.length = 0;
    },
  };
}
