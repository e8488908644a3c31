#!/usr/bin/env bash
# Plans every environment and prints a one-line summary each; exits 2 if any plan has changes.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

plan_env() {
  local env="$1" dir="$REPO_ROOT/terraform/envs/$1"
  terraform -chdir="$dir" init -input=false -lockfile=readonly >/dev/null
  set +e
  terraform -chdir="$dir" plan -input=false -lock-timeout=5m -detailed-exitcode -out="$env.tfplan" >/dev/null
  local status=$?
  set -e
  case "$status" in
    0) log "$env: no changes" ;;
    2) log "$env: changes pending"; return 2 ;;
    *) die "$env: plan failed" ;;
  esac
}

main() {
  require_tools terraform
  local env changed=0
  for env in $ENVIRONMENTS; do
    plan_env "$env" || changed=2
  done
  exit "$changed"
}

main "$@"
