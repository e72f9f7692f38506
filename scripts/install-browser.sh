#!/usr/bin/env bash
# Installs the headless browser the service's browser tests drive: Debian's `chromium` package.
# No browser build can be downloaded here (Playwright's own download fails), so the tests point
# Playwright at /usr/bin/chromium. Idempotent: does nothing when chromium is already installed.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
