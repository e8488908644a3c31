environment        = "prod"
account_id         = "210987654321"
vpc_cidr           = "10.30.0.0/16"
availability_zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
kubernetes_version = "1.28"
db_instance_class  = "db.r6g.xlarge"
zone_name          = "prod.acme.dev"
admin_role_arns    = ["arn:aws:iam::210987654321:role/platform-admin", "arn:aws:iam::210987654321:role/break-glass"]

node_groups = {
  general = {
    instance_types = ["m6i.xlarge"]
    min_size       = 3
    max_size       = 12
    desired_size   = 3
    disk_size_gb   = 100
  }
  workers = {
    instance_types = ["c6i.2xlarge", "c5.2xlarge"]
    capacity_type  = "SPOT"
    min_size       = 1
    max_size       = 20
    desired_size   = 2
    labels         = { workload = "batch" }
    taints         = [{ key = "workload", value = "batch", effect = "NO_SCHEDULE" }]
  }
}
