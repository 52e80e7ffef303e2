"""Desktop notifications: the system tray where there is one; callers also show the message
inside the app, which always works."""

from __future__ import annotations

from PySide6.QtWidgets import QSystemTrayIcon, QWidget


def notify(window: QWidget, title: str, text: str) -> bool:
    """Show ``text`` as a tray message of ``window``'s; False where the platform has no tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return False
    icon = window.findChild(QSystemTrayIcon, "notifyTray")
    if icon is None:
        icon = QSystemTrayIcon(window.windowIcon(), window)
        icon.setObjectName("notifyTray")
        icon.show()
    icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 10_000)
    return True
