"""The communicating guidance area."""
