variable "vpc_cidr" {
  type    = string
  default = "10.20.0.0/16"
}

variable "prefix" {
  type = string
}

variable "region" {
  type    = string
  default = "eu-west-1"
}
