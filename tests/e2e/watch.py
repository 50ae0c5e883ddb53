"""What a page must never do, collected while tests browse: console errors (Chromium reports
every Content-Security-Policy violation there, with JavaScript on or off), uncaught script
errors, and stylesheets, scripts or icons that fail to load.

A page that itself answers with an error status (a bad query's 400) is the test's business,
so Chromium's console line about it is left out; a failing sub-resource is caught from its
response instead.
"""

from __future__ import annotations

from playwright.sync_api import BrowserContext, ConsoleMessage, Response, WebError

RESOURCE_FAILURE = "Failed to load resource"


def watch(context: BrowserContext) -> list[str]:
    """Start collecting ``context``'s problems; the list returned fills as pages are visited."""
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and not message.text.startswith(RESOURCE_FAILURE):
            problems.append(f"console error on {message.location['url']}: {message.text}")

    def on_error(error: WebError) -> None:
        problems.append(f"uncaught error: {error.error}")

    def on_response(response: Response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            problems.append(f"{response.status} for {response.url}")

    context.on("console", on_console)
    context.on("weberror", on_error)
    context.on("response", on_response)
    return problems
