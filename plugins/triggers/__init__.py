"""The triggers guidance area."""
