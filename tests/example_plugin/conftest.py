"""The example's own tests need it installed: tests/host/test_plugin_docs.py runs them so."""

collect_ignore = ["tests"]
