"""crmdesk — a desktop CRM for small businesses that keep their customers on their own computer."""

__version__ = "0.1.0"
APP_NAME = "crmdesk"
