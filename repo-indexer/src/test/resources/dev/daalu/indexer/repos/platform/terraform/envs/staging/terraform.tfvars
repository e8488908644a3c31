environment        = "staging"
account_id         = "123456789013"
vpc_cidr           = "10.20.0.0/16"
availability_zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
kubernetes_version = "1.29"
db_instance_class  = "db.r6g.large"
zone_name          = "staging.acme.dev"
admin_role_arns    = ["arn:aws:iam::123456789013:role/platform-admin"]

node_groups = {
  general = {
    instance_types = ["m6i.large", "m5.large"]
    min_size       = 2
    max_size       = 6
    desired_size   = 3
  }
  workers = {
    instance_types = ["c6i.xlarge"]
    capacity_type  = "SPOT"
    min_size       = 0
    max_size       = 10
    desired_size   = 1
    labels         = { workload = "batch" }
    taints         = [{ key = "workload", value = "batch", effect = "NO_SCHEDULE" }]
  }
}
