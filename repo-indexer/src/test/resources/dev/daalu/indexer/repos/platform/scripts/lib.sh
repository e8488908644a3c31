#!/usr/bin/env bash
# Shared helpers for the platform scripts. Source it: . "$(dirname "$0")/lib.sh"

ENVIRONMENTS="dev staging prod"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() {
  printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
}

die() {
  log "ERROR: $*"
  exit 1
}

require_env() {
  local env="$1"
  case " $ENVIRONMENTS " in
    *" $env "*) ;;
    *) die "unknown environment '$env' (expected one of: $ENVIRONMENTS)" ;;
  esac
}

require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed"
  done
}

kube_context() {
  local env="$1"
  aws eks update-kubeconfig --name "platform-$env" --region eu-west-1 --alias "platform-$env" >/dev/null
  echo "platform-$env"
}
