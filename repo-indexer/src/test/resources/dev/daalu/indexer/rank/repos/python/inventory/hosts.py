"""Hosts and their connection settings."""
import ipaddress

DEFAULT_SSH_PORT = 22


class Host:
    """One managed machine."""

    def __init__(self, name, address=None, port=DEFAULT_SSH_PORT):
        self.name = name
        self.address = address or name
        self.port = port

    def connection_string(self):
        return f"{self.address}:{self.port}"

    def is_ip(self):
        try:
            ipaddress.ip_address(self.address)
            return True
        except ValueError:
            return False


def parse_hosts(lines):
    """Reads `name [address] [port]` lines into Hosts."""
    hosts = []
    for line in lines:
        fields = line.split()
        if fields and not fields[0].startswith("#"):
            hosts.append(Host(*fields))
    return hosts
