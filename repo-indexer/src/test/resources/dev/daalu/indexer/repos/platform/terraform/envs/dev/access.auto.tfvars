# Office and VPN egress ranges; dev keeps the API public for the laptops of the whole team.
endpoint_public_access_cidrs = ["203.0.113.0/24", "198.51.100.16/28"]
alarm_emails                 = ["platform-dev-alerts@acme.dev"]
