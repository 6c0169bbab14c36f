"""Integrations: signed webhooks, Facilit-like property-system connector, published contracts."""
