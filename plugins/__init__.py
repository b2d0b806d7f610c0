"""Guidance areas shipped with the skill; each is a pluggy plugin."""
