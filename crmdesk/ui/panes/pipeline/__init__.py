"""The sales pipeline pane (销售管道)."""
