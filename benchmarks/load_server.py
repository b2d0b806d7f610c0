"""One app under load for ``load.py``, served as ``second-opinion serve`` serves (waitress,
skill.server, 8 threads).

    python load_server.py {floor,ours,verified} PORT DB SIGNING_DIR
"""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import conversations  # noqa: E402


def build(kind: str, db: str, signing: Path):
    from skill.app import create_app
    from skill.settings import Settings

    settings = Settings(store="sqlite", db_path=db, skill_id=conversations.SKILL_ID)
    if kind == "floor":
        from request_cost import floor_app

        return floor_app()
    if kind == "ours":
        logging.getLogger("skill.app").setLevel(logging.ERROR)  # verification off on purpose
        return create_app(settings.with_(verify=False))
    from cryptography import x509

    from skill.verification import RequestVerifier

    root = x509.load_pem_x509_certificate((signing / "root.pem").read_bytes())
    chain = (signing / "chain.pem").read_bytes()
    sent = datetime.fromisoformat((signing / "timestamp").read_text().strip())
    verifier = RequestVerifier(
        skill_id=conversations.SKILL_ID,
        trust_roots=[root],
        fetch=lambda url: chain,
        clock=sent.timestamp,
    )
    return create_app(settings, verifier=verifier)


def main() -> None:
    from skill.server import make_server
    from skill.settings import Settings

    kind, port, db, signing = sys.argv[1], int(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
    app = build(kind, db, signing)
    make_server(app, Settings(), host="127.0.0.1", port=port, threads=8).run()


if __name__ == "__main__":
    main()
