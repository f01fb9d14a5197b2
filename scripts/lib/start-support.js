'use strict';
/**
 * What `npm start` (scripts/start.mjs) needs besides starting the gateway: knowing whether the H5
 * build is up to date, and running the build quietly. CommonJS so the start script (plain node)
 * and the jest tests can both load it.
 */
const { spawn } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/**
 * What the H5 build reads, relative to the project root: the sources, the build config, the
 * dependency tree, and the environment variables config/index.ts bakes into the bundle.
 */
const H5_INPUTS = ['client', 'shared', 'config', 'types', 'package-lock.json', 'babel.config.js', 'tsconfig.json'];
const H5_ENV = ['TCB_ENV', 'WX_TEMPLATE_WAITLIST', 'WX_TEMPLATE_ORDER', 'WX_TEMPLATE_DONATION', 'NODE_ENV'];
/** Beside dist/h5 rather than in it: Taro empties dist/h5 when it builds, and the gateway serves it. */
const STAMP_FILE = path.join('dist', '.h5-build-stamp.json');

/** Every file under `dir`, sorted, as paths relative to `root` with forward slashes. */
function filesUnder(root, rel) {
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [rel];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => filesUnder(root, `${rel}/${entry.name}`));
}

/** A digest of every H5 input's path and content, and of the build's environment variables. */
function h5InputsHash(root, env = process.env) {
  const hash = createHash('sha256');
  for (const rel of H5_INPUTS.flatMap((input) => filesUnder(root, input))) {
    hash
      .update(`${rel}\0`)
      .update(fs.readFileSync(path.join(root, rel)))
      .update('\0');
  }
  for (const name of H5_ENV) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex');
}

function indexHash(root) {
  const index = path.join(root, 'dist', 'h5', 'index.html');
  return fs.existsSync(index) ? createHash('sha256').update(fs.readFileSync(index)).digest('hex') : null;
}

/**
 * True when dist/h5 was built by `npm start` from exactly the current inputs and nothing rebuilt it
 * since (its index.html is the one recorded, so `npm run build:h5` or a watch build after a change
 * does not pass for the stamped build).
 */
function isH5BuildCurrent(root, env = process.env) {
  const file = path.join(root, STAMP_FILE);
  if (!fs.existsSync(file)) return false;
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
  const index = indexHash(root);
  return index !== null && stamp.index === index && stamp.inputs === h5InputsHash(root, env);
}

/**
 * Records that dist/h5 is the build of `inputs` — the hash taken before the build started, so an
 * edit made while it ran makes the next start build again.
 */
function writeH5Stamp(root, inputs) {
  fs.writeFileSync(path.join(root, STAMP_FILE), `${JSON.stringify({ inputs, index: indexHash(root) })}\n`);
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/**
 * What of a build log a person must see: from the first line that reports an error to the end
 * (at most 80 lines), or the last 40 lines when no line says "error".
 */
function errorExcerpt(log) {
  const lines = log.replace(ANSI, '').split(/\r?\n/);
  const first = lines.findIndex((line) => /\berror\b/i.test(line));
  const picked = first >= 0 ? lines.slice(first, first + 80) : lines.slice(-40);
  while (picked.length > 0 && picked[picked.length - 1].trim() === '') picked.pop();
  return picked;
}

/** How many warnings webpack reported (`WARNING in …`; Taro's own headers above them are not counted). */
function countWarnings(log) {
  return log
    .replace(ANSI, '')
    .split(/\r?\n/)
    .filter((line) => /^\s*WARNING in\b/.test(line)).length;
}

/**
 * Runs `cmd args` with its output going only to `logFile` (truncated first). Resolves with the
 * exit code or signal, the number of warnings in the log and, on failure, the lines to show.
 * `child` is exposed so a signal to `npm start` can be passed on to it.
 */
function runQuietly(cmd, args, { logFile, cwd, env }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const done = new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, signal: null, warnings: 0, errors: [String(error)] }));
    child.on('exit', (code, signal) => {
      const log = fs.readFileSync(logFile, 'utf8');
      resolve({ code, signal, warnings: countWarnings(log), errors: code === 0 ? [] : errorExcerpt(log) });
    });
  });
  return { child, done };
}

module.exports = {
  H5_INPUTS,
  H5_ENV,
  STAMP_FILE,
  h5InputsHash,
  isH5BuildCurrent,
  writeH5Stamp,
  errorExcerpt,
  countWarnings,
  runQuietly,
};
