"""Persistence: the only package that imports peewee."""
