"""The studio's one conversation: who is talking, on which device, and every turn so far."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from skill.simulator.envelope import INTERFACES

if TYPE_CHECKING:
    from skill.settings import Settings
    from skill.simulator import Conversation, TurnResult

DEVICES = tuple(INTERFACES)
USERS = ("first-time", "returning")
#: What the quick buttons say; "launch", "new session" and "new user" are not utterances.
QUICK_PHRASES = {"help": "help", "stop": "stop", "yes": "yes", "no": "no"}
#: How a returning user got to be one: they opened the skill and left, so the disclaimer
#: and the welcome are behind them.
RETURNING_VISIT = ("launch", "stop")


class StudioError(ValueError):
    """A request the studio can't act on (unknown locale, device, action); a 400."""


@dataclass
class Recorded:
    """A turn, and whether it only set the scene (a returning user's earlier visit)."""

    result: TurnResult
    setup: bool = False


@dataclass(frozen=True)
class Setup:
    locale: str
    device: str
    user: str

    def as_json(self) -> dict:
        return {"locale": self.locale, "device": self.device, "user": self.user}


class Recording:
    """One conversation at a time, replaced whole when the locale, device or user changes.

    Calls come from the web server's threads; a lock keeps turns in order. With a
    ``seed``, ids and so string variants are the same from one run to the next.
    """

    def __init__(
        self, settings: Settings, locales: list[str], locale: str, seed: str | None = None
    ):
        if locale not in locales:
            raise StudioError(f"no interaction model for {locale} (have: {', '.join(locales)})")
        self.settings = settings
        self.locales = locales
        self.seed = seed
        self._users = 0
        self._lock = threading.RLock()
        self.turns: list[Recorded] = []
        self.setup = Setup(locale, "speaker", "first-time")
        self.conversation = self._begin(self.setup)

    # -- who, where --------------------------------------------------------------------
    def restart(self, locale: str, device: str, user: str) -> None:
        """A new user on ``device`` in ``locale``; a returning one has visited once already."""
        if locale not in self.locales:
            raise StudioError(f"no interaction model for {locale!r}")
        if device not in DEVICES:
            raise StudioError(f"device must be one of {', '.join(DEVICES)}, not {device!r}")
        if user not in USERS:
            raise StudioError(f"user must be one of {', '.join(USERS)}, not {user!r}")
        with self._lock:
            self.turns = []
            self.setup = Setup(locale, device, user)
            self.conversation = self._begin(self.setup)

    def _begin(self, setup: Setup) -> Conversation:
        from skill.simulator import Conversation

        # Each new user needs ids of their own, repeatable when the studio has a seed.
        self._users += 1
        conversation = Conversation(
            locale=setup.locale,
            device=setup.device,
            settings=self.settings,
            lint=False,
            seed=None if self.seed is None else f"{self.seed}:{self._users}",
        )
        if setup.user == "returning":
            for step in RETURNING_VISIT:
                conversation.launch() if step == "launch" else conversation.say(step)
            self.turns = [Recorded(turn, setup=True) for turn in conversation.history]
        return conversation

    # -- talking -----------------------------------------------------------------------
    def say(self, text: str) -> Recorded:
        text = " ".join(text.split())
        if not text:
            raise StudioError("say something: the text is empty")
        with self._lock:
            return self._record(self.conversation.say(text))

    def touch(self, arguments: list) -> Recorded:
        """Touch the screen where a target sends ``arguments`` (an APL UserEvent)."""
        with self._lock:
            try:
                return self._record(self.conversation.touch(arguments))
            except ValueError as exc:  # a speaker, or nothing on the screen yet
                raise StudioError(str(exc)) from None

    def act(self, action: str) -> Recorded | None:
        """A quick button: ``launch``, ``help``, ``stop``, ``yes``, ``no``, ``new session``
        (ends the open session, as Alexa does when the user walks away) or ``new user``.
        """
        with self._lock:
            if action == "launch":
                return self._record(self.conversation.launch())
            if action in QUICK_PHRASES:
                return self._record(self.conversation.say(QUICK_PHRASES[action]))
            if action == "new session":
                if not self.conversation.session_open:
                    return None
                return self._record(self.conversation.end())
            if action == "new user":
                self.restart(self.setup.locale, self.setup.device, self.setup.user)
                return None
        raise StudioError(f"unknown action {action!r}")

    def _record(self, result: TurnResult) -> Recorded:
        recorded = Recorded(result)
        self.turns.append(recorded)
        return recorded

    # -- reading -----------------------------------------------------------------------
    @property
    def shown(self) -> list[Recorded]:
        """The turns the page shows: all but a returning user's earlier visit."""
        return [turn for turn in self.turns if not turn.setup]

    def previous(self, recorded: Recorded) -> TurnResult | None:
        """The turn before ``recorded`` in this conversation, if any."""
        index = next(i for i, turn in enumerate(self.turns) if turn is recorded)
        return self.turns[index - 1].result if index else None

    def transcript(self) -> list[dict]:
        """The shown turns as ``simulate --json`` records."""
        return [turn.result.as_json() for turn in self.shown]
