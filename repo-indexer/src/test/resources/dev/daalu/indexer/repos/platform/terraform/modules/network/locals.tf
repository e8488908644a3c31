locals {
  az_count = length(var.availability_zones)

  public_subnets = {
    for index, az in var.availability_zones : az => cidrsubnet(var.vpc_cidr, 8, index)
  }

  private_subnets = {
    for index, az in var.availability_zones : az => cidrsubnet(var.vpc_cidr, 4, index + 1)
  }

  nat_gateway_zones = var.single_nat_gateway ? [var.availability_zones[0]] : var.availability_zones

  common_tags = merge(var.tags, {
    "module" = "network"
  })
}
