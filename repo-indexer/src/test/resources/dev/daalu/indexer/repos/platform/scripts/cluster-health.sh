#!/usr/bin/env bash
# Prints nodes that are not Ready, pods not running, and pending autoscaler activity.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

unready_nodes() {
  kubectl --context "$1" get nodes --no-headers | awk '$2 != "Ready" { print "node " $1 " " $2 }'
}

failing_pods() {
  kubectl --context "$1" get pods -A --no-headers --field-selector=status.phase!=Running,status.phase!=Succeeded \
    | awk '{ print "pod " $1 "/" $2 " " $4 }'
}

autoscaler_status() {
  kubectl --context "$1" -n kube-system get configmap cluster-autoscaler-status -o jsonpath='{.data.status}' \
    | grep -E 'Health|ScaleUp' || true
}

main() {
  require_tools kubectl aws
  local env="${1:-prod}" context
  require_env "$env"
  context="$(kube_context "$env")"
  unready_nodes "$context"
  failing_pods "$context"
  autoscaler_status "$context"
}

main "$@"
