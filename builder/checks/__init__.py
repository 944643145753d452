"""Checks of the corpus run by ``builder check``: one module per concern."""
