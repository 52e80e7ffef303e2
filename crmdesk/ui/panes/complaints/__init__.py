"""The complaint log pane (投诉记录)."""
