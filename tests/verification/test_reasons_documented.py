"""Every reason the verifier can give is explained in docs/verification.md."""

import re
from pathlib import Path

import pytest

from skill import verification

ROOT = Path(__file__).resolve().parents[2]
SOURCE = Path(verification.__file__).read_text()
REASONS = sorted(
    {
        text.format_map(vars(verification))
        for text in re.findall(r'VerificationError\(\s*f?"([^"]+)"', SOURCE)
    }
)
# The docs table shortens a run of reasons that share their subject ("... / is not PEM").
SUBJECTS = ("certificate URL ", "certificate chain ")


def test_the_verifier_has_reasons():
    assert len(REASONS) >= 15


@pytest.mark.parametrize("reason", REASONS)
def test_reason_is_explained(reason):
    docs = (ROOT / "docs" / "verification.md").read_text()
    tail = next((reason[len(s) :] for s in SUBJECTS if reason.startswith(s)), reason)
    assert f"`{reason}`" in docs or f"`{tail}`" in docs or f" {tail}`" in docs, reason
