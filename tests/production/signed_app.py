"""The app gunicorn serves in tests/production: the real skill, verifying signatures made
by the test's PKI (files named by ``TEST_ALEXA_ROOT`` and ``TEST_ALEXA_CHAIN``)."""

from __future__ import annotations

import os

from alexa_fakes import SKILL_ID
from cryptography import x509

from skill.app import create_app
from skill.settings import Settings
from skill.verification import RequestVerifier


def create():
    with open(os.environ["TEST_ALEXA_ROOT"], "rb") as root:
        roots = [x509.load_pem_x509_certificate(root.read())]
    with open(os.environ["TEST_ALEXA_CHAIN"], "rb") as kept:
        chain = kept.read()
    settings = Settings.from_env(skill_id=SKILL_ID)
    verifier = RequestVerifier(skill_id=SKILL_ID, trust_roots=roots, fetch=lambda url: chain)
    return create_app(settings, verifier=verifier)
