"""The care-reminder calendar pane (关怀日历)."""
