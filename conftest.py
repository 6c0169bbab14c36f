"""Fixtures every test folder shares live in boligflyt.platform.testing."""

pytest_plugins = ["boligflyt.platform.testing"]
