#!/usr/bin/env bash
# Deploys the orders umbrella chart to an environment, or rolls it back.
#   scripts/deploy.sh deploy staging 2.14.0
#   scripts/deploy.sh rollback prod
set -euo pipefail
. "$(dirname "$0")/lib.sh"

CHART_DIR="$REPO_ROOT/charts/orders"
RELEASE="orders"
NAMESPACE="orders"

values_args() {
  local env="$1"
  echo "-f $CHART_DIR/values.yaml"
  if [[ -f "$CHART_DIR/values-$env.yaml" ]]; then
    echo "-f $CHART_DIR/values-$env.yaml"
  fi
}

deploy_release() {
  local env="$1" version="$2" context
  context="$(kube_context "$env")"
  log "deploying $RELEASE $version to $env"
  helm dependency build "$CHART_DIR"
  # shellcheck disable=SC2046
  helm --kube-context "$context" -n "$NAMESPACE" upgrade --install "$RELEASE" "$CHART_DIR" \
    $(values_args "$env") \
    --set api.image.tag="$version" \
    --atomic --wait --timeout 10m
  notify_deploy "$env" "deployed $version"
}

rollback_release() {
  local env="$1" context revision
  context="$(kube_context "$env")"
  revision="$(helm --kube-context "$context" -n "$NAMESPACE" history "$RELEASE" -o json | jq '.[-2].revision')"
  log "rolling $RELEASE in $env back to revision $revision"
  helm --kube-context "$context" -n "$NAMESPACE" rollback "$RELEASE" "$revision" --wait --timeout 10m
  notify_deploy "$env" "rolled back to revision $revision"
}

notify_deploy() {
  local env="$1" message="$2"
  [[ -n "${SLACK_WEBHOOK_URL:-}" ]] || return 0
  curl -fsS -X POST -H 'Content-Type: application/json' \
    -d "{\"text\": \"orders ($env): $message\"}" "$SLACK_WEBHOOK_URL" >/dev/null
}

main() {
  require_tools helm aws jq
  local command="${1:-}" env="${2:-}"
  require_env "$env"
  case "$command" in
    deploy) deploy_release "$env" "${3:?version required}" ;;
    rollback) rollback_release "$env" ;;
    *) die "usage: $0 deploy|rollback <env> [version]" ;;
  esac
}

main "$@"
