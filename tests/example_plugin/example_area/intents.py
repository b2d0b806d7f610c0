"""Intent names this area answers; their samples are in ``register_interaction_model``."""

BRING_SOMEONE = "BringSomeoneIntent"
