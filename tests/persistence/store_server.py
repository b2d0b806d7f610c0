"""A child process serving the ``store_area`` test skill over HTTP, as ``serve`` does.

    python store_server.py DB PORT

Prints ``ready`` once it listens. Stopped with SIGKILL by the tests, as a crash would.
"""

from __future__ import annotations

import sys

import store_area

from skill.app import create_app
from skill.server import make_server
from skill.settings import Settings


def main() -> None:
    db, port = sys.argv[1], int(sys.argv[2])
    settings = Settings(verify=False, db_path=db, plugins=[store_area])
    server = make_server(create_app(settings), settings, host="127.0.0.1", port=port)
    print("ready", flush=True)
    server.run()


if __name__ == "__main__":
    main()
