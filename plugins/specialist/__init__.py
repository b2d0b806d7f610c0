"""The specialist guidance area."""
