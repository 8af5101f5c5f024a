/**
 * undici's connection pool and connector, loaded without the rest of undici. Its index also loads fetch, WebSocket,
 * EventSource, the cache and the mock agents: ~520 KB of bundle and ~58 ms before the first request can start (a
 * user's first expansion of a server). These modules are ~290 KB and ~24 ms. The paths are undici's own files (the
 * package has no exports map); the version is pinned by package-lock.json, and a moved file fails the build.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- deep requires are the point of this module */
import type * as undici from 'undici';

const Dispatcher = require('undici/lib/dispatcher/dispatcher') as { prototype: object };
// What undici's index does, for the one call we make: `request` lives on every dispatcher's prototype (stream,
// pipeline, upgrade and connect are not loaded).
Object.assign(Dispatcher.prototype, { request: require('undici/lib/api/api-request') as unknown });

export const Pool = require('undici/lib/dispatcher/pool') as typeof undici.Pool;
export type Pool = undici.Pool;

export const buildConnector = require('undici/lib/core/connect') as typeof undici.buildConnector;
