"""A small guidance area with durable state, so the store is tested on its own terms.

"mark X" adds an item id (any lowercase word) to ``turn.user["gathered"]``; "unmark X"
removes it; launch offers progress as "You've marked N of 6 items"; "what's left" lists
the six named items not yet marked.
"""

from skill import hookimpl
from skill.area import Area, AreaHandler

ITEMS = ("scans", "slides", "labs", "notes", "letters", "meds")
MARK = "MarkItemIntent"
UNMARK = "UnmarkItemIntent"
LIST = "ListItemsIntent"


class ChecklistArea(Area):
    def progress(self, locale, user):
        gathered = user.get("gathered") or []
        if not gathered:
            return None
        return self.strings.get(locale, "progress", count=len(gathered), total=len(ITEMS))

    def remembered(self, locale, user):
        gathered = user.get("gathered") or []
        if not gathered:
            return None
        return self.strings.get(locale, "remembered", items=", ".join(gathered))


AREA = ChecklistArea("checklist", __name__, rank=1)


class MarkHandler(AreaHandler):
    intents = (MARK, UNMARK)

    def answer(self, turn):
        slot = turn.slot("item")
        item = slot.value if slot else ""
        if not item.isalnum() or not item.islower():
            return turn.ask(turn.t("unknown"), turn.t("reprompt"))
        gathered = turn.user.setdefault("gathered", [])
        if turn.intent_name == MARK and item not in gathered:
            gathered.append(item)
        elif turn.intent_name == UNMARK and item in gathered:
            gathered.remove(item)
        turn.save_user()
        return turn.ask(turn.t("marked", count=len(gathered)), turn.t("reprompt"))


class ListHandler(AreaHandler):
    intents = (LIST,)

    def answer(self, turn):
        gathered = turn.user.get("gathered") or []
        missing = [item for item in ITEMS if item not in gathered]
        return turn.ask(turn.t("missing", items=", ".join(missing) or "none"), turn.t("reprompt"))


@hookimpl
def register_area():
    return AREA


@hookimpl
def register_handlers():
    return [MarkHandler(AREA), ListHandler(AREA)]


@hookimpl
def register_interaction_model(locale):
    item = [{"name": "item", "type": "ChecklistItem"}]
    return {
        "intents": [
            {"name": MARK, "slots": item, "samples": ["mark {item}"]},
            {"name": UNMARK, "slots": item, "samples": ["unmark {item}"]},
            {"name": LIST, "samples": ["what's left"]},
        ],
        "types": [{"name": "ChecklistItem", "values": [{"name": {"value": i}} for i in ITEMS]}],
    }
