#!/usr/bin/env bash
# Installs Debian's Chromium for the web application's browser tests (thyra-web BrowserTest,
# Playwright for Java with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 and the executable path set).
# Idempotent: does nothing when /usr/bin/chromium is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium
/usr/bin/chromium --version
