// The browser tests drive Debian's chromium (never a downloaded browser). On a fresh machine it is
// installed here, as root, before the suite runs; otherwise the missing command is named.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasCjkFont = () => {
  try {
    return execSync('fc-list :lang=ja family', { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
};

const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');
if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() === 0) {
    console.log(`Installing ${missing.join(', ')} for the browser tests…`);
    execSync(command, { stdio: 'inherit' });
  } else {
    console.error(`The browser tests need ${missing.join(' and ')}: run \`sudo ${command}\`.`);
    process.exit(1);
  }
}
