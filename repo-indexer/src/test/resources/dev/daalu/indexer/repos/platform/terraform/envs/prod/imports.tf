# The prod zone was created by hand in 2021; adopt it rather than recreate it (delegations point at it).
import {
  to = module.dns.aws_route53_zone.this[0]
  id = "Z0123456789ABCDEFGHIJ"
}

# The state bucket's access-log bucket predates this repository.
import {
  to = aws_s3_bucket.state_access_logs
  id = "acme-terraform-state-logs"
}

resource "aws_s3_bucket" "state_access_logs" {
  bucket = "acme-terraform-state-logs"

  lifecycle {
    prevent_destroy = true
  }
}

# module.db was renamed to module.orders_db when the payments database joined.
moved {
  from = module.db
  to   = module.orders_db
}
