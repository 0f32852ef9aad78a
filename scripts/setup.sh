#!/usr/bin/env bash
# Installs what dnslint needs on Debian 12: libldns-dev to build; with --test, also the DNS servers
# and tools the test suite starts (NSD, Knot, Unbound) and the Python modules the SARIF/JSON checks use.
set -euo pipefail
packages=(libldns-dev pkg-config)
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--bench" ]; then
  packages+=(ldnsutils nsd knot knot-dnsutils unbound bind9-utils python3)
fi
if [ "${1:-}" = "--bench" ]; then
  packages+=(validns knot-dnssecutils dnsperf time)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ "${1:-}" = "--test" ]; then
  python3 -c 'import jsonschema, rfc3986_validator' 2>/dev/null \
    || python3 -m pip install -q jsonschema rfc3986-validator
fi
