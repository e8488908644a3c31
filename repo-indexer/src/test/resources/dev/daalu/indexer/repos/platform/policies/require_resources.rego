package kubernetes.admission

import rego.v1

deny contains msg if {
	input.request.kind.kind == "Deployment"
	some container in input.request.object.spec.template.spec.containers
	not container.resources.requests.memory
	msg := sprintf("container %q has no memory request", [container.name])
}

deny contains msg if {
	input.request.kind.kind == "Deployment"
	some container in input.request.object.spec.template.spec.containers
	not container.resources.limits.memory
	msg := sprintf("container %q has no memory limit", [container.name])
}
