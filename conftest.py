"""Fixtures every test folder shares live in boligflyt.testkit."""

pytest_plugins = ["boligflyt.testkit"]
