# Static assets of the storefront, served by CloudFront with a certificate from us-east-1.
module "static_assets" {
  source = "../../modules/s3-bucket"

  bucket_name = "acme-platform-prod-static"
  kms_key_arn = null
}

resource "aws_acm_certificate" "cdn" {
  provider = aws.us_east_1

  domain_name       = "static.${var.zone_name}"
  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudfront_origin_access_control" "static" {
  name                              = "acme-platform-prod-static"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_distribution" "static" {
  enabled             = true
  aliases             = ["static.${var.zone_name}"]
  default_root_object = "index.html"
  price_class         = "PriceClass_100"

  origin {
    domain_name              = module.static_assets.bucket_regional_domain_name
    origin_id                = "static"
    origin_access_control_id = aws_cloudfront_origin_access_control.static.id
  }

  default_cache_behavior {
    target_origin_id       = "static"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.cdn.arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
