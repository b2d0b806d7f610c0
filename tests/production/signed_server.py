"""``serve``'s server (skill.server) in a child process, with the signed test app.

python signed_server.py PORT
"""

from __future__ import annotations

import sys

import signed_app

from skill.server import make_server
from skill.settings import Settings


def main() -> None:
    app = signed_app.create()
    server = make_server(app, Settings.from_env(), host="127.0.0.1", port=int(sys.argv[1]))
    server.run()


if __name__ == "__main__":
    main()
