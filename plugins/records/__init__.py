"""The records guidance area."""
