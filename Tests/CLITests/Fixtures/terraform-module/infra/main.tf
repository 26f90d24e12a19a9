# The root module of the test estate.
# resource "aws_s3_bucket" "logs" {   <- a comment, not a block

terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

locals {
  policy = <<-EOT
    resource "aws_s3_bucket" "logs" {
      bucket = "inside a heredoc"
    }
  EOT
  label = "resource \"aws_s3_bucket\" \"logs\" { ${jsonencode({ a = "}" })}"
}

/* resource "aws_s3_bucket" "logs" {
   a block comment */

resource "aws_s3_bucket" "logs" {
  bucket = "acme-test-logs"
}

module "lake" {
  source = "./modules/lake"
  names  = ["raw"]
}

module "remote" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "~> 4.0"
}
