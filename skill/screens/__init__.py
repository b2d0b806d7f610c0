"""Screens: APL documents shown beside the spoken answer on devices with a display.

The host owns the shared layout (header, footer, colours) and the generic screens (home,
a yes/no question, a list page, a long answer); an area adds its own through the
``register_screens`` hook. Nothing here is shown to a device without APL.
"""

from skill.screens.screen import Screen, documents_in, supports_apl

__all__ = ["Screen", "documents_in", "supports_apl"]
