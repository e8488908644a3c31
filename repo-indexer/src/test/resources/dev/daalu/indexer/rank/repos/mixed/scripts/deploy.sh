#!/usr/bin/env bash
set -euo pipefail

NAMESPACE=${NAMESPACE:-shop}

build_and_push() {
  docker build -t "registry.example.com/shop:$1" .
  docker push "registry.example.com/shop:$1"
}

rollout_service() {
  kubectl -n "$NAMESPACE" set image deployment/shop shop="registry.example.com/shop:$1"
  kubectl -n "$NAMESPACE" rollout status deployment/shop
}

deploy_service() {
  build_and_push "$1"
  rollout_service "$1"
}

deploy_service "${1:?usage: deploy.sh TAG}"
