"""gunicorn's settings for the site (read from the working folder: `gunicorn awareness_site.wsgi`).

The access log names no visitor: time, method, path (without the query string,
which may hold what someone searched for), status, size and duration. No client
address, no user agent, no referrer (docs/privacy.md).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 60
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = "warning"
