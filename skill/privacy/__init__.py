"""Privacy controls: what the skill remembers, reading it back, and forgetting it on request.

Its handlers are the host's own (they answer as ``core``); its strings live in
``skill/privacy/locale``.
"""

from skill.area import Area

PRIVACY = Area("privacy", __name__, rank=0)
"""Where the privacy handlers' strings and pending yes/no questions are filed."""
