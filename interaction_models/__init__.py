"""Alexa interaction models, one ``<locale>.json`` per locale, deployable as they are.

A package only so that the models install with the skill; nothing here is imported.
"""
