variable "cidr" {
  type = string
}

variable "region" {
  type = string
}
