"""Realistic, reproducible demo data for a Chinese shop."""
