#!/usr/bin/env python3
"""Lists AWS resources of an environment that lack the tags policy/terraform_tags.rego requires.

Reads `terraform show -json` output on stdin:
    terraform -chdir=terraform/envs/prod show -json | tools/tag_audit.py
"""
import json
import sys
from dataclasses import dataclass

REQUIRED_TAGS = frozenset({"environment", "team", "managed-by"})
UNTAGGABLE = frozenset({"aws_iam_role_policy_attachment", "aws_route_table_association", "aws_kms_alias"})


@dataclass(frozen=True)
class Finding:
    address: str
    missing: frozenset

    def render(self):
        return f"{self.address}: missing {', '.join(sorted(self.missing))}"


def walk_modules(module):
    yield from module.get("resources", [])
    for child in module.get("child_modules", []):
        yield from walk_modules(child)


def missing_tags(resource):
    if resource.get("mode") != "managed" or resource.get("type") in UNTAGGABLE:
        return frozenset()
    tags = resource.get("values", {}).get("tags_all") or {}
    return REQUIRED_TAGS - tags.keys()


def audit(state):
    root = state.get("values", {}).get("root_module", {})
    findings = []
    for resource in walk_modules(root):
        missing = missing_tags(resource)
        if missing:
            findings.append(Finding(resource["address"], missing))
    return findings


def main():
    findings = audit(json.load(sys.stdin))
    for finding in findings:
        print(finding.render())
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
