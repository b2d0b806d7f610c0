"""Publishing to Alexa: the skill package (manifest, models, icons) and its pre-certification.

``package`` writes an ASK CLI project; ``certify`` checks one the way Amazon's build and
certification would.
"""
