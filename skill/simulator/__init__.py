"""Local intent simulation: utterance, interaction model, request envelope, skill."""
