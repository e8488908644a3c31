package kubernetes.admission

import rego.v1

# Images must be pinned: ":latest" or no tag makes rollbacks impossible.
deny contains msg if {
	input.request.kind.kind == "Pod"
	some container in input.request.object.spec.containers
	image_uses_latest(container.image)
	msg := sprintf("container %q uses an unpinned image %q", [container.name, container.image])
}

image_uses_latest(image) if endswith(image, ":latest")

image_uses_latest(image) if not contains(image, ":")
