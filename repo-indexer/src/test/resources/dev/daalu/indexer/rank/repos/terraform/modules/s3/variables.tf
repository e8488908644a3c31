variable "bucket_prefix" {
  type = string
}

variable "vpc_id" {
  type = string
}
