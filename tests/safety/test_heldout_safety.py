"""The gate on phrasings the model has never seen: recall and precision above the floor."""

from safety_set import load, phrasings, score

from skill.simulator.model import load_model
from skill.simulator.normalize import normalize

RECALL_FLOOR = 0.97
PRECISION_FLOOR = 0.95


def test_the_set_is_big_enough():
    data = load()
    assert len(data["emergency"]) + len(data["crisis"]) >= 60
    assert len(data["not_emergency"]) >= 40
    assert len(set(phrasings(data))) == len(phrasings(data))


def test_no_heldout_phrasing_is_a_sample_of_the_model():
    """A phrasing the model holds as a sample would measure nothing: the set stays unseen.

    A phrasing may still fill a general template ("{relationship} is {sign}") word for
    word, as it would on Alexa; ``benchmarks/safety.py`` says how many do.
    """
    samples = {
        normalize(sample)
        for intent in load_model("en-US").intents.values()
        for sample in intent.samples
    }
    copies = [said for said in phrasings(load()) if normalize(said) in samples]
    assert copies == [], "held-out phrasings copied into the model; write new ones instead"


def test_recall_and_precision_on_the_heldout_set():
    result = score()
    report = "\n".join(["missed:", *result.misses, "false alarms:", *result.alarms])
    print(f"recall {result.recall:.1%}, precision {result.precision:.1%}\n{report}")
    assert result.recall >= RECALL_FLOOR, report
    assert result.precision >= PRECISION_FLOOR, report
