from inventory.hosts import Host, parse_hosts


def test_parse_hosts_reads_name_address_and_port():
    hosts = parse_hosts(["web1 10.0.0.1 2222"])
    assert hosts[0].connection_string() == "10.0.0.1:2222"


def test_host_without_address_uses_its_name():
    assert Host("db1").connection_string() == "db1:22"
