output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "CIDR block of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "IDs of the public subnets, one per availability zone."
  value       = [for subnet in aws_subnet.public : subnet.id]
}

output "private_subnet_ids" {
  description = "IDs of the private subnets, one per availability zone."
  value       = [for subnet in aws_subnet.private : subnet.id]
}

output "nat_gateway_ips" {
  description = "Public IPs of the NAT gateways (allow-list these at partners)."
  value       = [for eip in aws_eip.nat : eip.public_ip]
}

output "region" {
  description = "Region the network lives in."
  value       = data.aws_region.current.name
}
