locals {
  alarms = {
    db-cpu-high = {
      namespace   = "AWS/RDS"
      metric      = "CPUUtilization"
      statistic   = "Average"
      threshold   = var.thresholds.db_cpu_percent
      comparison  = "GreaterThanThreshold"
      dimensions  = { DBInstanceIdentifier = var.db_instance_identifier }
      description = "RDS ${var.db_instance_identifier} CPU above ${var.thresholds.db_cpu_percent}% for 15 minutes. See runbooks/rds-failover.md."
    }
    db-free-storage-low = {
      namespace   = "AWS/RDS"
      metric      = "FreeStorageSpace"
      statistic   = "Minimum"
      threshold   = var.thresholds.db_free_storage_bytes
      comparison  = "LessThanThreshold"
      dimensions  = { DBInstanceIdentifier = var.db_instance_identifier }
      description = "RDS ${var.db_instance_identifier} is running out of storage."
    }
    node-cpu-high = {
      namespace   = "ContainerInsights"
      metric      = "node_cpu_utilization"
      statistic   = "Average"
      threshold   = var.thresholds.node_cpu_percent
      comparison  = "GreaterThanThreshold"
      dimensions  = { ClusterName = var.cluster_name }
      description = "EKS ${var.cluster_name} nodes above ${var.thresholds.node_cpu_percent}% CPU. See runbooks/node-not-ready.md."
    }
    pods-failed = {
      namespace   = "ContainerInsights"
      metric      = "cluster_failed_node_count"
      statistic   = "Maximum"
      threshold   = var.thresholds.failed_pods
      comparison  = "GreaterThanOrEqualToThreshold"
      dimensions  = { ClusterName = var.cluster_name }
      description = "EKS ${var.cluster_name} has failed nodes."
    }
  }
}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name}-alarms"
  kms_master_key_id = var.kms_key_arn
  tags              = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.alarm_emails)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_sns_topic_subscription" "pagerduty" {
  count = var.pagerduty_endpoint == null ? 0 : 1

  topic_arn              = aws_sns_topic.alarms.arn
  protocol               = "https"
  endpoint               = var.pagerduty_endpoint
  endpoint_auto_confirms = true
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.alarms

  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric
  statistic           = each.value.statistic
  threshold           = each.value.threshold
  comparison_operator = each.value.comparison
  dimensions          = each.value.dimensions
  period              = 300
  evaluation_periods  = 3
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_dashboard" "platform" {
  dashboard_name = "${var.name}-platform"
  dashboard_body = jsonencode({
    widgets = [
      for key, alarm in aws_cloudwatch_metric_alarm.this : {
        type   = "alarm"
        width  = 6
        height = 4
        properties = {
          title  = key
          alarms = [alarm.arn]
        }
      }
    ]
  })
}
