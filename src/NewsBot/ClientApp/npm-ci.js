// Runs `npm ci` for build/WebChat.targets, once even when several builds of NewsBot start together (an IDE and a
// test run, say): each takes a lock directory in turn, and a build that gets it after another has installed finds
// node_modules current and does nothing. A stamp in node_modules records the install.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const here = __dirname;
const lock = path.join(here, '.npm-ci.lock');
const stamp = path.join(here, 'node_modules', '.newsbot-npm-ci.stamp');
const staleLockMs = 10 * 60 * 1000;
const giveUpMs = 20 * 60 * 1000;

function isCurrent() {
  try {
    const installed = fs.statSync(stamp).mtimeMs;
    return ['package.json', 'package-lock.json'].every((file) => fs.statSync(path.join(here, file)).mtimeMs <= installed);
  } catch {
    return false;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function acquireLock() {
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') {
        throw error;
      }
    }

    // A lock left behind by a build that was killed mid-install.
    try {
      if (Date.now() - fs.statSync(lock).mtimeMs > staleLockMs) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
    } catch {
      continue;
    }

    if (Date.now() - started > giveUpMs) {
      throw new Error(`gave up waiting for ${lock}; delete it if no other build is running`);
    }

    sleep(1000);
  }
}

acquireLock();
try {
  if (isCurrent()) {
    process.exit(0);
  }

  const result = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: here,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  if (result.status !== 0) {
    process.exitCode = result.status ?? 1;
  } else {
    fs.writeFileSync(stamp, new Date().toISOString() + '\n');
  }
} finally {
  fs.rmSync(lock, { recursive: true, force: true });
}
