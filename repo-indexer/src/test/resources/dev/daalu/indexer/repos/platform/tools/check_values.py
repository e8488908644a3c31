#!/usr/bin/env python3
"""Checks that every .Values reference in a chart's templates exists in its values.yaml.

Usage: tools/check_values.py charts/app [charts/worker ...]
Exit status 1 lists the missing keys as <template>:<line>: .Values.<path>.
"""
import re
import sys
from pathlib import Path

import yaml

VALUES_REF = re.compile(r"\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")
# sub-charts and optional maps: keys that may legitimately be absent from the defaults
OPTIONAL_PREFIXES = ("global.",)


class MissingKey:
    def __init__(self, template, line, path):
        self.template = template
        self.line = line
        self.path = path

    def __str__(self):
        return f"{self.template}:{self.line}: .Values.{self.path}"


def load_values(chart_dir):
    with open(chart_dir / "values.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def has_path(values, path):
    node = values
    for key in path.split("."):
        if not isinstance(node, dict) or key not in node:
            return False
        node = node[key]
    return True


def template_refs(chart_dir):
    for template in sorted((chart_dir / "templates").rglob("*")):
        if template.suffix not in (".yaml", ".tpl", ".txt"):
            continue
        for number, text in enumerate(template.read_text(encoding="utf-8").splitlines(), start=1):
            for match in VALUES_REF.finditer(text):
                yield template.relative_to(chart_dir), number, match.group(1)[1:]


def check_chart(chart_dir):
    values = load_values(chart_dir)
    missing = []
    for template, line, path in template_refs(chart_dir):
        if path.startswith(OPTIONAL_PREFIXES) or has_path(values, path):
            continue
        missing.append(MissingKey(template, line, path))
    return missing


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    failures = []
    for chart in argv[1:]:
        failures.extend(check_chart(Path(chart)))
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
