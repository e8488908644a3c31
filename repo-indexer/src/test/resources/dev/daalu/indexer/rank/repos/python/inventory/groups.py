"""Groups of hosts."""
from .hosts import Host


class Group:
    """A named set of hosts with shared variables."""

    def __init__(self, name, hosts=None, variables=None):
        self.name = name
        self.hosts = list(hosts or [])
        self.variables = dict(variables or {})

    def add_host(self, host: Host):
        self.hosts.append(host)

    def connection_strings(self):
        return [h.connection_string() for h in self.hosts]


def group_hosts(hosts, key):
    """Groups hosts by the value of key(host)."""
    groups = {}
    for host in hosts:
        groups.setdefault(key(host), Group(key(host))).add_host(host)
    return groups
