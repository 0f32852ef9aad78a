#!/usr/bin/env bash
# Checks a change to the cluster's CoreDNS ConfigMap before it is applied: lints the new ConfigMap together
# with the cluster's inventory (zone files of the names it serves, app manifests, resolv.conf files; not the
# ConfigMap itself) and fails only on errors the ConfigMap that runs now does not already have.
#
# Usage: check-coredns-change.sh [--since REV] NEW_CONFIGMAP [INVENTORY_PATH...]
#
#   --since REV   NEW_CONFIGMAP is a file in a git repository (GitOps): compare with the files as they were
#                 at REV, such as origin/main (dnslint check --new-since REV).
#   without it    compare with the ConfigMap the cluster runs now (dnslint check --baseline): the file
#                 $CURRENT_CONFIGMAP, or else `kubectl -n kube-system get configmap coredns` together with
#                 the coredns Deployment, whose image tag tells the CoreDNS release.
#
# Environment: DNSLINT (the dnslint binary, default dnslint), DNSLINT_ARGS (more arguments for dnslint check,
# split on spaces, such as --coredns-version 1.11.1 or --fail-on warning), COREDNS_NAMESPACE (kube-system),
# COREDNS_CONFIGMAP and COREDNS_DEPLOYMENT (coredns).
# Exit code: 0 nothing new at or above --fail-on (error), 1 new findings, 2 usage or configuration error.
#
# Example, with the incident files of this repository standing in for the cluster:
#   CURRENT_CONFIGMAP=examples/k8s/coredns-configmap.yaml examples/predeploy/check-coredns-change.sh \
#     new-coredns-configmap.yaml examples/zones examples/k8s/app.yaml examples/resolvconf
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p;}' "$0"; }
fail() { echo "check-coredns-change: $*" >&2; exit 2; }

since=""
while [ $# -gt 0 ]; do
  case "$1" in
    --since) [ $# -ge 2 ] || fail "--since needs a revision"; since=$2; shift 2 ;;
    --since=*) since=${1#--since=}; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; break ;;
    -*) usage >&2; fail "unknown option $1" ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { usage >&2; exit 2; }
new=$1
shift
[ -f "$new" ] || fail "$new: no such file"
dnslint=${DNSLINT:-dnslint}
read -r -a extra <<< "${DNSLINT_ARGS:-}"

if [ -n "$since" ]; then
  status=0
  "$dnslint" check "$new" "$@" "${extra[@]}" --new-since "$since" || status=$?
  exit "$status"
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The current and the new ConfigMap are linted in turn at one path, so a finding that both have gets the
# same key (dnslint's keys hold the path, not the line) and the baseline of the first run hides it.
configmap="$scratch/$(basename "$new")"
cluster=()
if [ -n "${CURRENT_CONFIGMAP:-}" ]; then
  [ -f "$CURRENT_CONFIGMAP" ] || fail "CURRENT_CONFIGMAP=$CURRENT_CONFIGMAP: no such file"
  cp "$CURRENT_CONFIGMAP" "$configmap"
else
  namespace=${COREDNS_NAMESPACE:-kube-system}
  kubectl -n "$namespace" get configmap "${COREDNS_CONFIGMAP:-coredns}" -o yaml > "$configmap" \
    || fail "cannot read the running ConfigMap (set CURRENT_CONFIGMAP to a file instead)"
  if kubectl -n "$namespace" get deployment "${COREDNS_DEPLOYMENT:-coredns}" -o yaml > "$scratch/coredns-deployment.yaml"; then
    cluster+=("$scratch/coredns-deployment.yaml")
  fi
fi

status=0
"$dnslint" check "$configmap" "${cluster[@]}" "$@" "${extra[@]}" --write-baseline "$scratch/baseline.json" > /dev/null || status=$?
[ "$status" -eq 0 ] || fail "dnslint could not lint the current ConfigMap (exit code $status)"

cp "$new" "$configmap"
echo "check-coredns-change: findings $new adds (linted as $configmap):" >&2
"$dnslint" check "$configmap" "${cluster[@]}" "$@" "${extra[@]}" --baseline "$scratch/baseline.json" || status=$?
exit "$status"
