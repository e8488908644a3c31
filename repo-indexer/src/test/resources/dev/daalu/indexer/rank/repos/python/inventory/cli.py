"""Command line: print an inventory's groups."""
import argparse
import sys

from .groups import group_hosts
from .hosts import parse_hosts


def build_parser():
    parser = argparse.ArgumentParser(prog="inventory")
    parser.add_argument("file")
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    with open(args.file) as f:
        hosts = parse_hosts(f)
    for name, group in sorted(group_hosts(hosts, lambda h: h.port).items()):
        print(name, " ".join(group.connection_strings()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
