"""Utterance → intent and slots, from the interaction model alone.

Exact matches come first: a sample's words, with its ``{slots}`` filling whatever stands
in their place. Otherwise each sample is scored by the words it shares with the utterance,
each word weighted by how few intents use it, so a paraphrase still lands where Alexa's
statistical NLU would put it, and an utterance unlike any sample falls back.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from skill.simulator import builtins
from skill.simulator.normalize import (
    SPANISH,
    language_of,
    normalize,
    number_value,
    ordinal_value,
    stem,
)

if TYPE_CHECKING:
    from skill.simulator.model import InteractionModel, SlotDef, TypeValue

FALLBACK = "AMAZON.FallbackIntent"
NUMBER = "AMAZON.NUMBER"
#: Below this score an utterance is out of domain, as Alexa's FallbackIntent decides.
THRESHOLD = 0.45
#: A template matched word for word whose custom slot value is not in the catalogue.
UNRESOLVED_EXACT = 0.9
#: Words no sample uses count as much as a word that two intents share.
UNKNOWN_DF = 2.0
_DETERMINER = re.compile(r"^(?:(?:the|a|an|my|your|our|his|her|their|some|all) )+")
_DETERMINER_ES = re.compile(
    r"^(?:(?:el|la|los|las|lo|un|una|unos|unas|mi|mis|tu|tus|su|sus|nuestro|nuestra"
    r"|nuestros|nuestras|del|al|de) )+"
)
ORDINAL = "AMAZON.ORDINAL"
#: Share of the score from the best single sample; the rest from the intent's vocabulary.
SAMPLE_SHARE = 0.7


@dataclass(frozen=True)
class SlotFill:
    """A slot as Alexa fills it: the words heard and, for custom types, catalogue matches."""

    name: str
    type: str
    value: str
    custom: bool = False
    matches: tuple[TypeValue, ...] = ()

    @property
    def resolved(self) -> str | None:
        """The canonical value of the first catalogue match, if any."""
        return self.matches[0].name if self.matches else None

    @property
    def id(self) -> str | None:
        return value_id(self.matches[0]) if self.matches else None


@dataclass(frozen=True)
class Resolution:
    """What the model heard: an intent, its slots and how sure the match is (1.0: exact)."""

    utterance: str
    intent: str
    slots: dict[str, SlotFill] = field(default_factory=dict)
    score: float = 1.0
    #: The closest intents and their scores, best first (for debugging a model).
    alternatives: tuple[tuple[str, float], ...] = ()


def value_id(value: TypeValue) -> str:
    """A value's id; Alexa makes one from the value when the model gives none."""
    return value.id or hashlib.md5(value.name.encode()).hexdigest()


@dataclass
class _Sample:
    intent: str
    text: str
    literal: tuple[str, ...]
    slots: tuple[SlotDef, ...]
    regex: re.Pattern | None
    stems: frozenset[str] = frozenset()
    weight: float = 0.0

    @property
    def literal_set(self) -> frozenset[str]:
        return frozenset(self.literal)


@dataclass
class _Span:
    start: int
    end: int
    type: str
    text: str
    matches: tuple[TypeValue, ...] = ()


class Resolver:
    """A model compiled for matching. Build once per model (``model.resolver`` caches it)."""

    def __init__(self, model: InteractionModel):
        self.model = model
        #: The model's language: which normalisation, stemmer and number words apply.
        self.language = language_of(model.locale)
        self._determiner = _DETERMINER_ES if self.language == SPANISH else _DETERMINER
        self._catalog: dict[str, dict[str, list[TypeValue]]] = {}
        self._stem_catalog: dict[str, dict[str, list[TypeValue]]] = {}
        self._phrases: dict[str, list[str]] = defaultdict(list)
        self._stem_phrases: dict[str, list[str]] = defaultdict(list)
        self._longest_phrase = 1
        self._compile_types()
        self.samples: list[_Sample] = []
        self._literal: dict[str, list[_Sample]] = defaultdict(list)
        self._templates: list[_Sample] = []
        self._compile_samples()
        self._weigh()

    # -- the model's language -----------------------------------------------------
    def normalize(self, text: str) -> str:
        return normalize(text, self.language)

    def stem(self, word: str) -> str:
        return stem(word, self.language)

    def number_value(self, text: str) -> str | None:
        return number_value(text, self.language)

    # -- compiling -----------------------------------------------------------------
    def _compile_types(self) -> None:
        for slot_type in self.model.types.values():
            exact: dict[str, list[TypeValue]] = defaultdict(list)
            stemmed: dict[str, list[TypeValue]] = defaultdict(list)
            for value in slot_type.values:
                for phrase in (value.name, *value.synonyms):
                    words = self.normalize(phrase)
                    if not words:
                        continue
                    if value not in exact[words]:
                        exact[words].append(value)
                    stems = " ".join(self.stem(w) for w in words.split())
                    if value not in stemmed[stems]:
                        stemmed[stems].append(value)
                    self._longest_phrase = max(self._longest_phrase, len(words.split()))
            self._catalog[slot_type.name] = exact
            self._stem_catalog[slot_type.name] = stemmed
            for words in exact:
                self._phrases[words].append(slot_type.name)
            for stems in stemmed:
                self._stem_phrases[stems].append(slot_type.name)

    def _intent_samples(self) -> list[tuple[str, str]]:
        pairs = []
        spoken = builtins.samples(self.language)
        for intent in self.model.intents.values():
            samples = list(intent.samples)
            if intent.name.startswith("AMAZON."):
                samples += [s for s in spoken.get(intent.name, ()) if s not in samples]
            pairs += [(intent.name, sample) for sample in samples]
        for name in builtins.REQUIRED:
            if name not in self.model.intents:
                pairs += [(name, sample) for sample in spoken[name]]
        return pairs

    def _compile_samples(self) -> None:
        for intent_name, text in self._intent_samples():
            intent = self.model.intents.get(intent_name)
            literal: list[str] = []
            slots: list[SlotDef] = []
            pattern: list[str] = []
            for index, chunk in enumerate(re.split(r"\{([^{}]*)\}", text)):
                if index % 2:
                    slot = intent.slot(chunk.strip()) if intent else None
                    if slot is None:
                        from skill.simulator.model import SlotDef

                        slot = SlotDef(chunk.strip(), "AMAZON.SearchQuery")
                    pattern.append(f"(?P<s{len(slots)}>.+?)")
                    slots.append(slot)
                else:
                    words = self.normalize(chunk).split()
                    literal += words
                    if words:
                        pattern.append(re.escape(" ".join(words)))
            if not literal and not slots:
                continue
            sample = _Sample(
                intent=intent_name,
                text=text,
                literal=tuple(literal),
                slots=tuple(slots),
                regex=re.compile(" ".join(pattern)) if slots else None,
                stems=frozenset(self.stem(w) for w in literal),
            )
            self.samples.append(sample)
            if slots:
                self._templates.append(sample)
            else:
                self._literal[" ".join(literal)].append(sample)

    def _weigh(self) -> None:
        """Weight each word by rarity across intents (IDF), and index samples by word."""
        by_intent: dict[str, set[str]] = defaultdict(set)
        for sample in self.samples:
            by_intent[sample.intent] |= sample.stems
        self.vocabulary = dict(by_intent)
        count = max(len(by_intent), 1)
        frequency: dict[str, int] = defaultdict(int)
        for stems in by_intent.values():
            for word in stems:
                frequency[word] += 1
        self.idf = {word: math.log(1 + count / df) for word, df in frequency.items()}
        self.unknown_weight = math.log(1 + count / UNKNOWN_DF)
        self.slot_weight = self.unknown_weight
        # Words most intents share find no useful candidates; leave them out of the index.
        common = math.log(1 + count / max(count * 0.5, 1))
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._by_type: dict[str, list[int]] = defaultdict(list)
        for index, sample in enumerate(self.samples):
            sample.weight = sum(self.idf[w] for w in sample.stems)
            for word in sample.stems:
                if self.idf[word] > common:
                    self._postings[word].append(index)
            for slot_type in {slot.type for slot in sample.slots}:
                self._by_type[slot_type].append(index)

    # -- slots -----------------------------------------------------------------------
    def is_custom(self, slot_type: str) -> bool:
        return not slot_type.startswith("AMAZON.") or slot_type in self._catalog

    def lookup(self, slot_type: str, words: str) -> tuple[TypeValue, ...]:
        """Catalogue values of ``slot_type`` that ``words`` names (value or synonym).

        Case, punctuation, plurals and a leading "the" or "my" don't stop a match.
        """
        normal = self.normalize(words)
        candidates = [normal]
        bare = self._determiner.sub("", normal)
        if bare and bare != normal:
            candidates.append(bare)
        for phrase in candidates:
            found = self._catalog.get(slot_type, {}).get(phrase)
            if not found:
                stems = " ".join(self.stem(w) for w in phrase.split())
                found = self._stem_catalog.get(slot_type, {}).get(stems)
            if found:
                return tuple(found)
        return ()

    def fill(self, slot: SlotDef, spoken: str) -> SlotFill | None:
        """The slot as Alexa would send it for ``spoken``; ``None`` if it can't hold it."""
        spoken = str(spoken).strip()
        if not spoken:
            return None
        if slot.type == NUMBER:
            number = self.number_value(spoken)
            return None if number is None else SlotFill(slot.name, slot.type, number)
        if slot.type == ORDINAL and not self.is_custom(slot.type):
            ordinal = ordinal_value(spoken, self.language)
            return None if ordinal is None else SlotFill(slot.name, slot.type, ordinal)
        if self.is_custom(slot.type):
            matches = self.lookup(slot.type, spoken)
            return SlotFill(slot.name, slot.type, spoken, custom=True, matches=matches)
        return SlotFill(slot.name, slot.type, spoken)

    def _spans(self, words: list[str]) -> dict[str, list[_Span]]:
        """Every run of words that names a catalogue value or a number, by slot type."""
        spans: dict[str, list[_Span]] = defaultdict(list)
        stems = [self.stem(w) for w in words]
        for start in range(len(words)):
            for end in range(min(len(words), start + self._longest_phrase), start, -1):
                phrase = " ".join(words[start:end])
                types = self._phrases.get(phrase) or self._stem_phrases.get(
                    " ".join(stems[start:end]), ()
                )
                for slot_type in types:
                    matches = self.lookup(slot_type, phrase)
                    spans[slot_type].append(_Span(start, end, slot_type, phrase, matches))
        start = 0
        while start < len(words):
            end = start
            while end < len(words) and self.number_value(words[end]) is not None:
                end += 1
            if end > start and self.number_value(" ".join(words[start:end])) is not None:
                spans[NUMBER].append(_Span(start, end, NUMBER, " ".join(words[start:end])))
            start = end + 1 if end == start else end
        for found in spans.values():
            found.sort(key=lambda span: (span.start - span.end, span.start))
        return spans

    # -- resolving -----------------------------------------------------------------
    def resolve(self, text: str) -> Resolution:
        """The intent and slots Alexa would send for ``text``; never raises."""
        normal = self.normalize(text)
        if not normal:
            return Resolution(text, FALLBACK, score=0.0)
        exact = self._exact(text, normal)
        if exact is not None and exact.score >= 1.0:
            return exact
        fuzzy = self._fuzzy(text, normal)
        found = [r for r in (exact, fuzzy) if r is not None]
        if not found:
            return Resolution(text, FALLBACK, score=0.0)
        best = max(found, key=lambda r: r.score)
        if best.score < THRESHOLD:
            return Resolution(text, FALLBACK, score=best.score, alternatives=best.alternatives)
        return best

    def _exact(self, text: str, normal: str) -> Resolution | None:
        literal = self._literal.get(normal)
        if literal:
            return Resolution(text, literal[0].intent, score=1.0)
        found = self._template_matches(normal)
        if not found:
            return None
        score, _, sample, fills = max(found, key=lambda item: (item[0], item[1]))
        return Resolution(text, sample.intent, fills, score)

    def _template_matches(
        self, normal: str
    ) -> list[tuple[float, int, _Sample, dict[str, SlotFill]]]:
        """``(score, literal words, sample, fills)`` for each template ``normal`` fits."""
        words = set(normal.split())
        count = len(normal.split())
        found: list[tuple[float, int, _Sample, dict[str, SlotFill]]] = []
        for sample in self._templates:
            if count < len(sample.literal) + len(sample.slots):
                continue
            if not sample.literal_set <= words:
                continue
            match = sample.regex.fullmatch(normal)
            if match is None:
                continue
            fills = {}
            for index, slot in enumerate(sample.slots):
                filled = self.fill(slot, match.group(f"s{index}"))
                if filled is None:
                    break
                fills[slot.name] = filled
            else:
                score = 1.0
                for filled in fills.values():
                    if filled.custom and not filled.matches:
                        score *= UNRESOLVED_EXACT * self._plausibility(filled.value)
                found.append((score, len(sample.literal), sample, fills))
        return found

    def _plausibility(self, words: str) -> float:
        """How much ``words`` look like a new value rather than words the samples use.

        A custom slot takes any words, but Alexa's NLU doesn't stretch "is it {condition}"
        over "is it worth getting a second opinion": words other intents are made of are
        unlikely inside a value.
        """
        stems = [self.stem(w) for w in words.split()]
        known = sum(self.idf[s] for s in stems if s in self.idf)
        unknown = self.unknown_weight * sum(s not in self.idf for s in stems)
        return unknown / (known + unknown) if known else 1.0

    def exact_matches(self, text: str) -> list[tuple[str, str]]:
        """Every ``(intent, sample)`` that matches ``text`` word for word.

        A template counts only when its custom slots hold catalogue values: any words fit
        a custom slot, so a looser match says little.
        """
        normal = self.normalize(text)
        found = [(sample.intent, sample.text) for sample in self._literal.get(normal, ())]
        for sample in self._templates:
            match = sample.regex.fullmatch(normal)
            if match is None:
                continue
            fills = [self.fill(slot, match.group(f"s{i}")) for i, slot in enumerate(sample.slots)]
            if all(f is not None and (f.matches or not f.custom) for f in fills):
                found.append((sample.intent, sample.text))
        return found

    def candidates(self, text: str, limit: int = 5) -> list[tuple[str, float]]:
        """The intents ``text`` comes close to, best first, each with its best score.

        What :meth:`resolve` chooses among: exact matches (1.0, less for a custom slot
        holding an unknown value) and scored ones. Several near the top means the model
        is ambiguous for ``text``. Resolving never calls this.
        """
        normal = self.normalize(text)
        if not normal:
            return []
        scores: dict[str, float] = {}
        for sample in self._literal.get(normal, ()):
            scores[sample.intent] = 1.0
        for score, _, sample, _ in self._template_matches(normal):
            scores[sample.intent] = max(round(score, 3), scores.get(sample.intent, 0.0))
        for intent, (score, _, _) in self._fuzzy_scores(normal).items():
            fuzzy = min(round(score, 3), 0.99)
            scores[intent] = max(fuzzy, scores.get(intent, 0.0))
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [(intent, score) for intent, score in ranked if score > 0][:limit]

    def _fuzzy(self, text: str, normal: str) -> Resolution | None:
        best = self._fuzzy_scores(normal)
        if not best:
            return None
        ranked = sorted(best.items(), key=lambda item: -item[1][0])
        intent, (score, _, fills) = ranked[0]
        alternatives = tuple((name, round(s, 3)) for name, (s, _, _) in ranked[:3])
        return Resolution(text, intent, fills, min(round(score, 3), 0.99), alternatives)

    def _fuzzy_scores(self, normal: str) -> dict[str, tuple[float, _Sample, dict[str, SlotFill]]]:
        """Each intent's best-scoring sample for ``normal``, by shared weighted words."""
        words = normal.split()
        stems = [self.stem(w) for w in words]
        weight = {s: self.idf.get(s, self.unknown_weight) for s in stems}
        total = sum(weight.values())
        spans = self._spans(words)
        candidates: set[int] = set()
        for word in weight:
            candidates.update(self._postings.get(word, ()))
        for slot_type in spans:
            candidates.update(self._by_type.get(slot_type, ()))
        best: dict[str, tuple[float, _Sample, dict[str, SlotFill]]] = {}
        for index in candidates:
            sample = self.samples[index]
            fills: dict[str, SlotFill] = {}
            used: set[int] = set()
            for slot in sample.slots:
                for span in spans.get(slot.type, ()):
                    if used.isdisjoint(range(span.start, span.end)):
                        fills[slot.name] = self._span_fill(slot, span)
                        used.update(range(span.start, span.end))
                        break
            explained = {stems[i] for i in used}
            rest = weight.keys() - explained
            rest_weight = sum(weight[s] for s in rest)
            shared = sum(weight[s] for s in rest & sample.stems)
            slots_weight = self.slot_weight * len(fills)
            dice = (
                2
                * (shared + slots_weight)
                / (
                    rest_weight
                    + slots_weight
                    + sample.weight
                    + self.slot_weight * len(sample.slots)
                )
            )
            # Words from the intent's other samples count too (Alexa generalises across an
            # intent's samples), but only as far as this sample is really there.
            vocabulary = self.vocabulary[sample.intent]
            covered = sum(weight[s] for s in rest if s in vocabulary) + slots_weight
            coverage = covered / (rest_weight + slots_weight) if rest_weight or fills else 0.0
            sample_total = sample.weight + self.slot_weight * len(sample.slots)
            recall = (shared + slots_weight) / sample_total if sample_total else 0.0
            score = SAMPLE_SHARE * dice + (1 - SAMPLE_SHARE) * coverage * recall
            current = best.get(sample.intent)
            if current is None or score > current[0]:
                best[sample.intent] = (score, sample, fills)
        return best if total else {}

    def _span_fill(self, slot: SlotDef, span: _Span) -> SlotFill:
        if slot.type == NUMBER:
            return SlotFill(slot.name, slot.type, self.number_value(span.text) or span.text)
        return SlotFill(slot.name, slot.type, span.text, custom=True, matches=span.matches)
