module "network" {
  source = "./modules/network"
  cidr   = var.vpc_cidr
  region = var.region
}

module "logs" {
  source        = "./modules/s3"
  bucket_prefix = var.prefix
  vpc_id        = module.network.vpc_id
}
