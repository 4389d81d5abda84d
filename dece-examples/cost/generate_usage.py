#!/usr/bin/env python3
"""Writes the bundled month of usage exports (March 2026), deterministically, from the published column definitions.

  focus-2026-03.csv                  FOCUS 1.1 cost-and-usage rows, one per resource and day
      i-0etl01      orders_daily's batch instances, on-demand (spot saves 60-80 %)
      i-0ml02       ml_features on committed (reserved) pricing, around the clock
      i-0dev03      a dev instance nobody stops at night (24/7)
      lake-raw      clickstream raw landing bucket (CSV, uncompressed) and a cross-region copy to us-west-2
      vpc-nat       internet egress (same-region, not a red flag)
      i-0untagged   an instance without a pipeline tag (reported as unattributed)
  warehouse_metering_history-2026-03.csv   Snowflake WAREHOUSE_METERING_HISTORY: TRANSFORM_WH (prod, busy 01:00-06:00,
      otherwise billed while idle) and DEV_WH (dev, never suspended)
  query_history-2026-03.csv          Snowflake QUERY_HISTORY: the transform queries (one full scan of a 2.4 TB table a day)
      and a dashboard query run hourly without the result cache
Run it from this directory: python3 generate_usage.py
"""
import json
from datetime import datetime, timedelta, timezone

START = datetime(2026, 3, 1, tzinfo=timezone.utc)
DAYS = 31


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def focus():
    head = ("BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceCategory,"
            "ServiceName,ResourceId,ResourceName,RegionId,PricingCategory,ChargeDescription,Tags")
    rows = [head]

    def row(cost, day, category, service, rid, region, pricing, desc, tags):
        s = START + timedelta(days=day)
        t = '"' + json.dumps(tags, sort_keys=True, separators=(",", ":")).replace('"', '""') + '"' if tags else ""
        rows.append(f"{cost:.2f},{cost:.2f},USD,{iso(s)},{iso(s + timedelta(days=1))},Usage,{category},{service},{rid},{rid},"
                    f"{region},{pricing},{desc},{t}")

    for d in range(DAYS):
        row(48.00 + (d % 7) * 0.5, d, "Compute", "Amazon EC2", "i-0etl01", "us-east-1", "Standard", "m5.4xlarge on-demand",
            {"pipeline": "orders_daily", "environment": "prod"})
        row(30.00, d, "Compute", "Amazon EC2", "i-0ml02", "us-east-1", "Committed", "r5.2xlarge reserved",
            {"pipeline": "ml_features", "environment": "prod"})
        row(9.60, d, "Compute", "Amazon EC2", "i-0dev03", "us-east-1", "Standard", "m5.xlarge on-demand",
            {"pipeline": "ml_features", "environment": "dev"})
        row(4.10, d, "Storage", "Amazon S3", "lake-raw", "us-east-1", "Standard", "S3 Standard storage",
            {"pipeline": "clickstream", "environment": "prod"})
        row(6.25, d, "Networking", "Amazon S3", "lake-raw", "us-east-1", "Standard", "Inter-Region data transfer to us-west-2",
            {"pipeline": "clickstream", "environment": "prod"})
        row(1.20, d, "Networking", "Amazon VPC", "vpc-nat", "us-east-1", "Standard", "Data transfer out to the internet",
            {"pipeline": "orders_daily", "environment": "prod"})
        row(3.40, d, "Compute", "Amazon EC2", "i-0untagged", "us-east-1", "Standard", "t3.large on-demand", {"team": "bi"})
    return rows


def metering():
    rows = ["START_TIME,END_TIME,WAREHOUSE_ID,WAREHOUSE_NAME,CREDITS_USED,CREDITS_USED_COMPUTE,CREDITS_USED_CLOUD_SERVICES"]
    for h in range(DAYS * 24):
        s = START + timedelta(hours=h)
        busy = 1 <= s.hour < 6
        c = 4.0 if busy else 0.5
        rows.append(f"{iso(s)},{iso(s + timedelta(hours=1))},11,TRANSFORM_WH,{c:.3f},{c - 0.05:.3f},0.050")
        rows.append(f"{iso(s)},{iso(s + timedelta(hours=1))},12,DEV_WH,0.250,0.240,0.010")
    return rows


def history():
    rows = ["QUERY_ID,QUERY_TEXT,QUERY_TYPE,WAREHOUSE_NAME,QUERY_TAG,EXECUTION_STATUS,START_TIME,END_TIME,TOTAL_ELAPSED_TIME,"
            "BYTES_SCANNED,PARTITIONS_SCANNED,PARTITIONS_TOTAL,QUERY_PARAMETERIZED_HASH"]
    n = 0
    for d in range(DAYS):
        day = START + timedelta(days=d)
        for k in range(5):
            s = day + timedelta(hours=1 + k, minutes=5)
            n += 1
            if k == 0:
                text, scanned, ps, pt, tag = ("select * from analytics.events_raw", 2_400_000_000_000, 48000, 48000, "clickstream")
            else:
                text, scanned, ps, pt, tag = (f"merge into marts.fct_orders using staging.orders_{k} ...", 40_000_000_000, 120, 9000,
                                              '{""pipeline"":""orders_daily""}')
            ms = 1_800_000 if k == 0 else 600_000
            kind = "SELECT" if k == 0 else "MERGE"
            rows.append(f"01c3-{n:05d},\"{text}\",{kind},TRANSFORM_WH,\"{tag}\",SUCCESS,{iso(s)},{iso(s + timedelta(milliseconds=ms))},"
                        f"{ms},{scanned},{ps},{pt},h-{'scan' if k == 0 else k}")
        for h in range(8, 20):
            s = day + timedelta(hours=h, minutes=30)
            n += 1
            rows.append(f"01c3-{n:05d},\"select region, sum(amount) from marts.fct_orders group by 1\",SELECT,TRANSFORM_WH,"
                        f"\"bi_dashboard\",SUCCESS,{iso(s)},{iso(s + timedelta(seconds=90))},90000,52000000000,300,9000,h-dash")
    return rows


for name, rows in (("focus-2026-03.csv", focus()), ("warehouse_metering_history-2026-03.csv", metering()),
                   ("query_history-2026-03.csv", history())):
    with open(name, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(rows) + "\n")
