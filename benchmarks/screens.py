"""What a screen costs per request: an Echo Show's request, with and without APL.

The floor is the Echo Show's request (its viewport and all) with APL left out of its
``supportedInterfaces``: the skill answers it without a screen. With APL the skill also
picks a screen, fills its data and serializes the document. Prints microseconds per
request for each, their ratio, a speaker's request for reference, and the response size
with its screen. Run:

    python benchmarks/screens.py [--seconds 1.0] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: What a screen may add to a request, in microseconds: most of it is the SDK serializing
#: the document (a few hundred JSON values), well inside Alexa's 8 seconds per answer.
TARGET_ADDED_US = 5000
#: Alexa's limit on a whole response.
MAX_RESPONSE_BYTES = 24 * 1024


def requests(device: str) -> dict[str, dict]:
    """A launch and the records checklist, as ``device`` sends them mid-session."""
    from skill.settings import Settings
    from skill.simulator.envelope import EnvelopeBuilder
    from skill.simulator.model import load_model

    settings = Settings(verify=False, store="memory")
    model = load_model("en-US", settings.models_dir)
    builder = EnvelopeBuilder(device=device, seed="bench")
    session = builder.new_session()
    session.new = False
    checklist = model.resolver.resolve("what records do i need")
    return {
        "launch": builder.launch(session),
        "checklist": builder.intent(session, model, checklist.intent, checklist.slots),
    }


def without_apl(envelope: dict) -> dict:
    bare = json.loads(json.dumps(envelope))
    del bare["context"]["System"]["device"]["supportedInterfaces"]["Alexa.Presentation.APL"]
    return bare


def per_request(runtime, envelope: dict, seconds: float) -> float:
    """Microseconds per answered request, over about ``seconds``."""
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        runtime.invoke(json.loads(json.dumps(envelope)))
        count += 1
    return (time.perf_counter() - started) / count * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)

    from skill.runtime import SkillRuntime
    from skill.settings import Settings

    runtime = SkillRuntime(Settings(verify=False, store="memory"))
    speaker, screen = requests("speaker"), requests("screen")

    def median(envelope: dict) -> float:
        return statistics.median(
            per_request(runtime, envelope, args.seconds) for _ in range(args.rounds)
        )

    worst = 0.0  # the most microseconds a screen added
    print(
        f"{'request':<10} {'speaker µs':>11} {'no APL µs':>10} {'APL µs':>8} {'ratio':>6} "
        f"{'bytes':>6}"
    )
    for name in speaker:
        alone, floor, ours = (
            median(speaker[name]),
            median(without_apl(screen[name])),
            median(screen[name]),
        )
        size = len(json.dumps(runtime.invoke(screen[name]).envelope).encode())
        worst = max(worst, ours - floor)
        print(
            f"{name:<10} {alone:>11.0f} {floor:>10.0f} {ours:>8.0f} {ours / floor:>6.2f} {size:>6}"
        )
        if size > MAX_RESPONSE_BYTES:
            print(f"  over Alexa's {MAX_RESPONSE_BYTES} bytes")
            worst = float("inf")
    verdict = "ok" if worst <= TARGET_ADDED_US else "over"
    print(f"a screen adds at most {worst:.0f} µs (target {TARGET_ADDED_US}): {verdict}")
    return 0 if worst <= TARGET_ADDED_US else 1


if __name__ == "__main__":
    sys.exit(main())
