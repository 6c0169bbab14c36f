"""The `boligflyt` command (operations and development). Add commands with `@app.command()`."""

from __future__ import annotations

from typing import Annotated

import typer

from boligflyt.platform.auth import Agency, mint_token
from boligflyt.platform.settings import Settings

app = typer.Typer(no_args_is_help=True, help="Boligflyt operations and development commands.")


# The callback keeps `token` a subcommand: with a single command and no callback, Typer would make the
# program itself that command.
@app.callback()
def main() -> None:
    """Boligflyt operations and development commands."""


@app.command()
def token(
    agency: Annotated[Agency, typer.Option(help="The agency the token speaks for.", case_sensitive=False)],
    subject: Annotated[
        str | None, typer.Option(help="The `sub` claim; defaults to dev-<agency>.", show_default=False)
    ] = None,
    scope: Annotated[
        list[str] | None,
        typer.Option("--scope", help="A scope to grant; repeat for more.", show_default=False),
    ] = None,
    ttl: Annotated[int, typer.Option(help="Lifetime in seconds.", min=1)] = 3600,
) -> None:
    """Print a bearer token signed with BOLIGFLYT_JWT_SECRET (embedded mode and tests)."""
    settings = Settings()
    if settings.jwt_jwks_url:
        typer.echo(
            "warning: BOLIGFLYT_JWT_JWKS_URL is set, so services verify RS256 tokens from the identity "
            "provider and will refuse this HS256 token",
            err=True,
        )
    typer.echo(
        mint_token(
            settings,
            subject=subject or f"dev-{agency}",
            agency=agency,
            scopes=scope or (),
            ttl_seconds=ttl,
        )
    )
