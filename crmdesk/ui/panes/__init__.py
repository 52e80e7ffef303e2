"""One sub-package per pane of the main window."""
