"""Security headers (a strict nonce-based CSP) and safe redirects."""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

_NONCE_KEY = "apiary.csp_nonce"


def csp_nonce() -> str:
    """This request's script nonce (templates put it on every ``<script>``)."""
    environ = request.environ
    if _NONCE_KEY not in environ:
        environ[_NONCE_KEY] = secrets.token_urlsafe(16)
    return environ[_NONCE_KEY]


def is_safe_next(target: str | None) -> bool:
    """True only for a same-site relative path such as ``/hives?q=x``."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return False
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def _carries_nul() -> bool:
    """True when the path, a query argument or a form field holds a NUL character."""
    fields = [request.path, *request.args.keys(), *request.args.values()]
    if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        fields += [*request.form.keys(), *request.form.values()]
    return any("\x00" in field for field in fields)


# The pages that take a file larger than a form may be (MAX_CONTENT_LENGTH), and the setting that
# bounds each one's body instead.
UPLOAD_LIMITS = {
    "photos.settings": "PHOTO_MAX_BYTES",
    "jsonresume.import_resume": "IMPORT_MAX_BYTES",
    "linkedin.upload": "IMPORT_MAX_BYTES",
    # A previewed import comes back as a sealed token: a whole profile, however long.
    "record.apply_import": "IMPORT_MAX_BYTES",
}


# Room for the form's other fields and multipart framing around a file of the largest size.
FORM_ALLOWANCE = 64 * 1024


def allow_file_uploads() -> None:
    """``before_request``, before anything reads the form (CSRFProtect, the NUL check): let an
    upload page's body be as large as its setting says. Larger bodies still get 413."""
    setting = UPLOAD_LIMITS.get(request.endpoint)
    if setting:
        limit = current_app.config[setting]
        request.max_content_length = limit + FORM_ALLOWANCE
        request.max_form_memory_size = limit


def init_app(app: Flask) -> None:
    """Refuse NUL characters, trust the configured proxies, send security headers."""
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    hops = app.config["PROXY_HOPS"]
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    @app.before_request
    def refuse_nul_characters():
        # No text field has a use for NUL, and PostgreSQL cannot store it.
        if _carries_nul():
            abort(400)

    @app.after_request
    def set_security_headers(response):
        nonce = csp_nonce()
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; "
            f"script-src 'self' 'nonce-{nonce}'; "
            "style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"
        return response
