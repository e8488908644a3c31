"""Ansible-style inventory loading."""
from .hosts import Host, parse_hosts
from .groups import Group, group_hosts
