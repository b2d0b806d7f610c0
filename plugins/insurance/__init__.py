"""The insurance guidance area."""
