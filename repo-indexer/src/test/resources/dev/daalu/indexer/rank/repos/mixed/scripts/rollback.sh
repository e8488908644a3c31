#!/usr/bin/env bash
set -euo pipefail
source "$(dirname "$0")/deploy.sh"

rollback_service() {
  kubectl -n "$NAMESPACE" rollout undo deployment/shop
}

rollback_service
