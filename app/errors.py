"""Domain errors raised by services, and how the web layer renders them.

Services raise these, never HTTP errors; the handlers registered here turn them
into a page (or JSON for ``Accept: application/json``) with the right status.
"""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException


class DomainError(Exception):
    """Base class for errors a service raises on purpose."""

    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Input breaks a rule; ``field`` names the form field it belongs to."""

    status = 422

    def __init__(self, field: str | None, message: str):
        super().__init__(message)
        self.field = field


class PermissionDenied(DomainError):
    """The actor may not do this."""

    status = 403


class NotFound(DomainError):
    """The object does not exist, or the actor may not know that it does."""

    status = 404


class Conflict(DomainError):
    """The action clashes with the current state (already following, …)."""

    status = 409


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return (
        best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    )


def render_error(status: int, title: str, message: str):
    """Render an error as JSON or as the shared error page."""
    if wants_json():
        return jsonify({"error": {"status": status, "message": message}}), status
    return render_template("errors/error.html", status=status, title=title, message=message), status


def _titles() -> dict[int, str]:
    return {
        400: _("Bad request"),
        403: _("Not allowed"),
        404: _("Not found"),
        405: _("Method not allowed"),
        409: _("Conflict"),
        413: _("Too large"),
        422: _("Check your input"),
        429: _("Slow down"),
        500: _("Something went wrong"),
        503: _("Temporarily unavailable"),
    }


def _messages() -> dict[int, str]:
    return {
        400: _("The request could not be understood."),
        403: _("You are not allowed to do that."),
        404: _("We could not find that page."),
        405: _("That action is not available here."),
        413: _("That upload or form is too large."),
        429: _("Too many attempts. Please wait a minute and try again."),
        500: _("An unexpected error happened on our side. Please try again."),
        503: _("Apiary is temporarily unavailable. Please try again shortly."),
    }


def init_app(app: Flask) -> None:
    """Register the error handlers."""

    @app.errorhandler(DomainError)
    def handle_domain_error(error: DomainError):
        return render_error(error.status, _titles().get(error.status, _("Error")), error.message)

    @app.errorhandler(CSRFError)
    def handle_csrf_error(error: CSRFError):
        message = _("Your form expired or was sent from another site. Reload the page and try again.")
        return render_error(400, _("Form expired"), message)

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        status = error.code or 500
        title = _titles().get(status, _("Error"))
        message = _messages().get(status)
        if message is None:
            # Werkzeug's own descriptions are English; one given on purpose is already translated.
            given = error.description if error.description != type(error).description else None
            message = given or _("The request could not be completed.")
        return render_error(status, title, message)

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        app.logger.exception("Unhandled error", exc_info=error)
        return render_error(500, _titles()[500], _messages()[500])
