package terraform.tags

import rego.v1

required_tags := {"environment", "team", "managed-by"}

# Checked against `terraform show -json plan.tfplan` in CI.
deny contains msg if {
	some change in input.resource_changes
	change.change.actions[_] == "create"
	tags := object.get(change.change.after, "tags_all", {})
	missing := required_tags - {key | tags[key]}
	count(missing) > 0
	msg := sprintf("%s is missing tags %v", [change.address, missing])
}
