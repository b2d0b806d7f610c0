"""gunicorn settings for the skill behind nginx (deploy/nginx, docs/production.md).

    gunicorn -c deploy/gunicorn.conf.py

nginx reads every request whole before passing it on, so sync workers never wait on a
client: each one answers a request in a few milliseconds and takes the next.
"""

import multiprocessing
import os

wsgi_app = "skill.app:create_app()"
#: Loopback only: nginx is the one that faces the internet.
bind = os.environ.get("SECOND_OPINION_BIND", "127.0.0.1:8081")
workers = int(os.environ.get("SECOND_OPINION_WORKERS", multiprocessing.cpu_count() * 2))
worker_class = "sync"
# A request takes milliseconds; a worker stuck this long is restarted.
timeout = 30
graceful_timeout = 10
# Headers past these sizes are refused before the app runs (nginx's are stricter still).
limit_request_line = 4094
limit_request_field_size = 16384
# The store and the skill are built once, before the workers fork, and shared.
preload_app = True
