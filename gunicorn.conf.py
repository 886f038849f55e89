"""gunicorn's settings for the site (read from the working folder: `gunicorn awareness_site.wsgi`).

The access log names no visitor: time, method, path (without the query string,
which may hold what someone searched for), status, size and duration. No client
address, no user agent, no referrer (docs/privacy.md).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from awareness_site.environment import worker_count

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# WEB_CONCURRENCY or GUNICORN_WORKERS; by default 2 with REDIS_URL, else 1 (production settings refuse
# more than one worker on a per-process cache: each would purge only its own pages).
workers = worker_count()
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 60
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = "warning"


def on_starting(server):
    """The number of workers as gunicorn finally sees it (``--workers`` on the command line included), for the
    production settings' check in each worker: more than one needs REDIS_URL (awareness_site/settings/production.py)."""
    os.environ["GUNICORN_WORKERS"] = str(server.cfg.workers)
