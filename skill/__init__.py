"""Second Opinion Guide: the Alexa skill host.

The host knows Alexa, Flask and pluggy; the guidance itself lives in plugins.
"""

import pluggy

NAME = "second_opinion"
"""The pluggy marker name, the entry-point group and the hook namespace."""

hookimpl = pluggy.HookimplMarker(NAME)
hookspec = pluggy.HookspecMarker(NAME)

__all__ = ["NAME", "hookimpl", "hookspec"]
