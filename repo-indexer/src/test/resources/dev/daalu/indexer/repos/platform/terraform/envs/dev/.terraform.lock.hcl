# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.43.0"
  constraints = "~> 5.40"
  hashes = [
    "h1:SDFGytjUWsmqpVtb2PNqPkdnRmvHpwVOxjBRWJzE4Aw=",
    "zh:20e7a8f11e6ff3ad5b8a8d4b1c0b4fd5c3ad1e0c7e0b2a7a2a1d4b9c8e7f6a50",
    "zh:2a1cc4c6b8f1b0d0fa8b1d6d2e9f7b3a4c5d6e7f8091a2b3c4d5e6f708192a3b",
    "zh:5d0b2c9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f10",
  ]
}

provider "registry.terraform.io/hashicorp/random" {
  version     = "3.6.0"
  constraints = "~> 3.6"
  hashes = [
    "h1:R5Ucn26riKIEijcsiOMBR3uOAjuOMfI1x7XvH4P6B1w=",
    "zh:03360ed3ecd31e8c5dac9c95fe0858be50f3e9a0d0c654b5e504109c2159287d",
    "zh:1c67ac51254ba2a2bb53a25e8ae7e4d076103483f55f39b426ec55e47d1fe211",
  ]
}

provider "registry.terraform.io/hashicorp/tls" {
  version     = "4.0.5"
  constraints = "~> 4.0"
  hashes = [
    "h1:zeG5RmggBZW/8JWIVrdaeSJa0OG62uFX5HY1eE8SjzY=",
    "zh:01cfb11cb74654c003f6d4e32bbef8f5969ee2856394a96d127da4949c65153e",
    "zh:0472ea1574026aa1e8ca82bb6df2c40cd0478e9336b7a8a64e652119a2fa4f32",
  ]
}
