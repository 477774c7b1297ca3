#!/usr/bin/env python3
"""tests/golden/dump.py -- the golden record of result databases, one line
per fact, every number exact (Python's repr of a double round-trips):

  run SCENARIO POINT REP STATUS events=N        engine events dispatched
  m   SCENARIO POINT REP NAME VALUE             every metric (None: NULL)
  s   SCENARIO POINT REP NAME N SHA             a series: N samples, SHA-256
                                                (first 16 hex digits) of its
                                                exact (t_days, value) pairs
  e   SCENARIO POINT REP N SHA                  the run's events in order

Metrics are written out so a changed figure reads as itself; series and
events are hashed to keep the file small.  Past the first FULL points of a
scenario (a design of hundreds of points), a run's metrics and its series
are each one hashed line, so the file stays small:

  M   SCENARIO POINT REP N SHA                  its N metrics (name, value)
  S   SCENARIO POINT REP N SHA                  its N series, every sample

Usage: dump.py DB...
"""
import hashlib

FULL = 20
import sqlite3
import sys


def num(v):
    return "None" if v is None else repr(float(v))


def digest(rows):
    h = hashlib.sha256()
    for r in rows:
        h.update(("\t".join(x if isinstance(x, str) else num(x) for x in r) + "\n").encode())
    return h.hexdigest()[:16]


def dump(path, out):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    runs = db.execute("select id, scenario, point, replication, status, events from runs "
                      "order by scenario, point, replication").fetchall()
    for rid, scn, p, r, status, events in runs:
        key = "%s %d %d" % (scn, p, r)
        out.write("run %s %s events=%s\n" % (key, status, events))
        metrics = db.execute("select name, value from metrics where run_id = ? order by name", (rid,)).fetchall()
        names = [n for (n,) in db.execute("select distinct name from series where run_id = ? order by name", (rid,))]
        if p >= FULL:
            out.write("M %s %d %s\n" % (key, len(metrics), digest(metrics)))
            rows = db.execute("select name, t_days, value from series where run_id = ? order by name, t_days",
                              (rid,)).fetchall()
            out.write("S %s %d %s\n" % (key, len(names), digest(rows)))
        else:
            for name, v in metrics:
                out.write("m %s %s %s\n" % (key, name, num(v)))
            for name in names:
                rows = db.execute("select t_days, value from series where run_id = ? and name = ? "
                                  "order by t_days", (rid, name)).fetchall()
                out.write("s %s %s %d %s\n" % (key, name, len(rows), digest(rows)))
        ev = db.execute("select t_days, kind, subject, detail from events where run_id = ? order by rowid",
                        (rid,)).fetchall()
        out.write("e %s %d %s\n" % (key, len(ev), digest(ev)))
    db.close()


if __name__ == "__main__":
    for p in sys.argv[1:]:
        dump(p, sys.stdout)
