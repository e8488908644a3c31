data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "service_account_assume" {
  for_each = var.service_account_roles

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${each.value.namespace}:${each.value.service_account}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "service_account" {
  for_each = var.service_account_roles

  name               = "${var.name_prefix}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.service_account_assume[each.key].json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "service_account" {
  for_each = merge([
    for role, spec in var.service_account_roles : {
      for arn in spec.policy_arns : "${role}/${arn}" => { role = role, arn = arn }
    }
  ]...)

  role       = aws_iam_role.service_account[each.value.role].name
  policy_arn = each.value.arn
}

resource "aws_iam_role_policy" "service_account" {
  for_each = { for role, spec in var.service_account_roles : role => spec if spec.inline_policy != null }

  name   = "inline"
  role   = aws_iam_role.service_account[each.key].id
  policy = each.value.inline_policy
}

data "aws_iam_policy_document" "github_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [for repo in var.github_repositories : "repo:${repo}:*"]
    }
  }
}

resource "aws_iam_role" "github_deploy" {
  count = length(var.github_repositories) > 0 ? 1 : 0

  name                 = "${var.name_prefix}-github-deploy"
  assume_role_policy   = data.aws_iam_policy_document.github_assume.json
  max_session_duration = 3600
  tags                 = var.tags
}
