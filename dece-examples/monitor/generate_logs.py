#!/usr/bin/env python3
"""Writes the bundled week of run logs (logs/runs-2026-03-02_08.jsonl), deterministically.

Five pipelines from 2026-03-02 to 2026-03-08, in the methodology's Structured Logging Standard:
  payments_to_snowflake  hourly; connection timeouts on 03-04 (resolved) and the last two runs (unresolved)
  fct_orders             daily 02:00; the 03-08 run fails on a schema mismatch (Snowflake 000904)
  marketing_attribution  daily 05:00; killed for memory on 03-06 and 03-08 (exit 137); runs near its SLA
  inventory_levels       every 6 h; the 03-06 18:00 run hangs (started, never ended): the data goes stale
  web_events             hourly; the last day's volume drops by about 70 %, a few quality checks fail,
                         one watermark gap and one run that loads more rows than it extracted
Run it from this directory: python3 generate_logs.py
"""
import json, random
from datetime import datetime, timedelta, timezone

rnd = random.Random(20260308)
START = datetime(2026, 3, 2, tzinfo=timezone.utc)
END = datetime(2026, 3, 9, tzinfo=timezone.utc)
records = []

def iso(t):
    return t.strftime('%Y-%m-%dT%H:%M:%SZ')

def rec(p, run, start, minutes, status, stage, ext, trans, load, rej, qp, qf, err, wb, wa, completed=True):
    end = start + timedelta(minutes=minutes)
    records.append((start, {
        "pipeline_name": p, "run_id": run, "started_at": iso(start), "completed_at": iso(end) if completed else "",
        "status": status, "stage": stage, "rows_extracted": ext, "rows_transformed": trans, "rows_loaded": load,
        "rows_rejected": rej, "quality_checks_passed": qp, "quality_checks_failed": qf,
        "duration_seconds": round(minutes * 60) if completed else 0, "error_message": err,
        "watermark_before": wb, "watermark_after": wa}))

# payments_to_snowflake: hourly at :15, ~12 min, CDC positions as watermarks
lsn = 88_400_000
t = START + timedelta(minutes=15)
i = 0
while t < END:
    run = 'pay-%s' % t.strftime('%Y%m%d%H')
    rows = rnd.randint(1800, 2600)
    fail = (t.day == 4 and t.hour in (9, 10)) or (t.day == 8 and t.hour in (22, 23))
    if fail:
        err = ('psycopg2.OperationalError: connection to server at "payments-replica.internal" (10.0.4.12), port 5432 failed: '
               'Connection timed out\n\tIs the server running on that host and accepting TCP/IP connections?')
        rec('payments_to_snowflake', run, t, 2.1, 'failed', 'extract', 0, 0, 0, 0, 0, 0, err, str(lsn), str(lsn))
    else:
        rec('payments_to_snowflake', run, t, rnd.uniform(9, 15), 'success', 'load', rows, rows, rows, 0, 3, 0, '', str(lsn), str(lsn + rows * 11))
        lsn += rows * 11
    t += timedelta(hours=1)

# fct_orders: daily 02:00, ~25 min, 40-48k orders, watermark = updated_at high-water mark
for d in range(7):
    t = START + timedelta(days=d, hours=2)
    run = 'orders-%s' % t.strftime('%Y%m%d')
    wb, wa = iso(t - timedelta(days=1)), iso(t)
    if d == 6:
        err = ("snowflake.connector.errors.ProgrammingError: 000904 (42000): SQL compilation error: error line 3 at position 11\n"
               "invalid identifier 'ORDER_STATUS_CODE'")
        rec('fct_orders', run, t, 3.4, 'failed', 'transform', 45210, 0, 0, 0, 0, 0, err, wb, wb)
    else:
        n = rnd.randint(40000, 48000)
        rec('fct_orders', run, t, rnd.uniform(21, 29), 'success', 'load', n, n, n, rnd.randint(0, 4), 6, 0, '', wb, wa)

# marketing_attribution: daily 05:00, 70-80 min of a 90 min SLA, append load
for d in range(7):
    t = START + timedelta(days=d, hours=5)
    run = 'attr-%s' % t.strftime('%Y%m%d')
    if d in (4, 6):
        err = 'Container marketing-attribution-7c9f terminated: Reason: OOMKilled, Exit Code: 137'
        rec('marketing_attribution', run, t, 58.0 + d, 'failed', 'aggregate', 3_100_000, 0, 0, 0, 0, 0, err, '', '')
    else:
        n = rnd.randint(180_000, 210_000)
        rec('marketing_attribution', run, t, rnd.uniform(70, 80), 'success', 'load', 3_000_000 + n, n, n, 0, 2, 0, '', '', '')

# inventory_levels: every 6 hours, ~8 min; the 03-06 18:00 run starts and never ends, nothing runs after it
t = START
while t < END:
    run = 'inv-%s' % t.strftime('%Y%m%d%H')
    if t == datetime(2026, 3, 6, 18, tzinfo=timezone.utc):
        rec('inventory_levels', run, t, 0, 'running', 'extract', 0, 0, 0, 0, 0, 0, '', iso(t - timedelta(hours=6)), '', completed=False)
        break
    n = rnd.randint(52000, 56000)
    rec('inventory_levels', run, t, rnd.uniform(6, 10), 'success', 'load', n, n, n, 0, 4, 0, '', iso(t - timedelta(hours=6)), iso(t))
    t += timedelta(hours=6)

# web_events: hourly at :05, ~6 min; watermark = event-time high-water mark
t = START + timedelta(minutes=5)
wm = START
while t < END:
    run = 'web-%s' % t.strftime('%Y%m%d%H')
    drop = t >= datetime(2026, 3, 8, 0, tzinfo=timezone.utc)
    n = rnd.randint(30000, 40000) if drop else rnd.randint(110000, 130000)
    wb = wm
    if t == datetime(2026, 3, 7, 11, 5, tzinfo=timezone.utc):
        wb = wm + timedelta(hours=1)       # the state store skipped an hour: a gap
    wa = t - timedelta(minutes=5)
    qf = 1 if t.hour in (3, 15) and t.day in (5, 6, 7, 8) else 0
    loaded = n
    ext = n
    if t == datetime(2026, 3, 5, 14, 5, tzinfo=timezone.utc):
        loaded = n + 2210                  # a retried insert doubled part of the batch
    rec('web_events', run, t, rnd.uniform(4, 8), 'success', 'load', ext, ext, loaded, 0, 5 - qf, qf, '', iso(wb), iso(wa))
    wm = wa
    t += timedelta(hours=1)

records.sort(key=lambda r: (r[0], r[1]['pipeline_name']))
with open('logs/runs-2026-03-02_08.jsonl', 'w') as f:
    for _, r in records:
        f.write(json.dumps(r, separators=(', ', ': ')) + '\n')
print(len(records), 'records')
