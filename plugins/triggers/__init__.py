"""The triggers guidance area: when a second opinion is worth getting."""

from plugins.triggers.check import CHECK_KEY, unfinished
from plugins.triggers.handlers import handlers
from skill import hookimpl
from skill.area import Area


class TriggersArea(Area):
    """Keeps the guided check's yes/no answers, so a check left halfway can be picked up."""

    def progress(self, locale: str, user: dict) -> str | None:
        answers = user.get(CHECK_KEY)
        if not unfinished(answers):
            return None
        return self.strings.get(locale, "check.progress", count=len(answers))

    def remembered(self, locale: str, user: dict) -> str | None:
        answers = user.get(CHECK_KEY)
        if not unfinished(answers):
            return None
        return self.strings.get(locale, "check.remembered", count=len(answers))


AREA = TriggersArea("triggers", __name__, rank=10, entry="SecondOpinionCheckIntent")


@hookimpl
def register_area() -> Area:
    return AREA


@hookimpl
def register_handlers() -> list:
    return handlers(AREA)
