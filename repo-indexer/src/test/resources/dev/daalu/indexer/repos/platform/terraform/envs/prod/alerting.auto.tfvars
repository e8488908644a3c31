# prod API endpoint is private: reach it through the VPN (10.30.0.0/16 is routed over the tunnel).
endpoint_public_access_cidrs = []
alarm_emails                 = ["platform-alerts@acme.dev", "oncall@acme.dev"]
