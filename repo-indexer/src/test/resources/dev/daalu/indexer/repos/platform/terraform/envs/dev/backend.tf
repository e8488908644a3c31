terraform {
  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "platform/dev/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}
