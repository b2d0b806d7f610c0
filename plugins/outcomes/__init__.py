"""The outcomes guidance area."""
