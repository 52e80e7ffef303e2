"""The dashboard pane (概览)."""
