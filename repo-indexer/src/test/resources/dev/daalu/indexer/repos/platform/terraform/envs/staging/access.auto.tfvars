endpoint_public_access_cidrs = ["198.51.100.16/28"]
alarm_emails                 = ["platform-alerts@acme.dev"]
