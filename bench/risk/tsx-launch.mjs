#!/usr/bin/env node
// Runs a TypeScript entry the way bin/fanzha.mjs runs the product: tsx's loader registered in this process,
// then the entry imported (node bench/risk/tsx-launch.mjs <entry.ts> [args…]; args reach the entry unchanged).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const entry = process.argv[2];
if (!entry) throw new Error('usage: tsx-launch.mjs <entry.ts> [args…]');
process.argv.splice(2, 1);
await import(pathToFileURL(path.resolve(entry)).href);
