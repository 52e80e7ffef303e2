"""The customer archive pane (客户档案)."""
