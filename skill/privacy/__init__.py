"""Privacy controls: what the skill remembers, and forgetting it on request."""
