"""The studio: a local web page to talk to the skill, see inside each turn and save the
conversation as a test. ``second-opinion studio`` serves it; :func:`create_studio_app`
builds it.
"""

from __future__ import annotations


def create_studio_app(*args, **kwargs):
    """See :func:`skill.studio.app.create_studio_app` (imported on use: it builds Flask)."""
    from skill.studio.app import create_studio_app as create

    return create(*args, **kwargs)
