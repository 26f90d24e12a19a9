variable "names" {
  type = list(string)
}

// Buckets of the lake, one per name.
resource "aws_s3_bucket" "this" {
  for_each = toset(var.names)
  bucket   = "acme-test-lake-${each.key}"
  tags = {
    team = "data"
  }
}
