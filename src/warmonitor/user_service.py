"""The user verbs: accounts, passwords, tokens and logins, for the CLI and the server alike.

    with Store.open(url) as store:
        add_user(store, "ana", "analyst", "a long passphrase", by="cli:root")
        token = new_token(store, "ana", label="laptop", by="cli:root")
        user = authenticate(store, "ana", "a long passphrase", client="127.0.0.1")
        user = user_for_token(store, token)

Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106's low-memory profile);
tokens are 32 random bytes, stored as their SHA-256. Every change and every login, failed or
not, is written to the audit log. Logins are throttled per user name and client: after
``MAX_FAILURES`` failures within ``FAILURE_WINDOW`` since the last success, that pair is
refused until the oldest failure leaves the window. The count is read from the audit log in the
store, not kept in memory, so that every server process on one store shares it and a restart
does not reset it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from warmonitor.errors import AccessError, ConfigurationError, NotFoundError, ThrottledError
from warmonitor.store import Store
from warmonitor.store.audit import LOGIN, LOGIN_FAILED
from warmonitor.store.users import ROLES, TokenRecord, UserRecord

__all__ = [
    "FAILURE_WINDOW",
    "MAX_FAILURES",
    "MIN_PASSWORD",
    "ROLES",
    "add_user",
    "authenticate",
    "check_role",
    "has_role",
    "hash_password",
    "hash_token",
    "new_token",
    "revoke_token",
    "set_disabled",
    "user_for_token",
]

MIN_PASSWORD = 10
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
TOKEN_PREFIX = "wm_"

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
_HASHER = PasswordHasher()


@cache
def _decoy() -> str:
    """A hash verified when the name is unknown, so that a wrong name takes as long as a wrong
    password; made at the first login, not on import (every ``warmonitor`` command imports
    this module through ``cli.users``)."""
    return _HASHER.hash(secrets.token_hex(16))


def check_role(role: str) -> str:
    """``role`` if it is one of :data:`ROLES`, else :class:`ConfigurationError`."""
    if role not in ROLES:
        raise ConfigurationError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
    return role


def has_role(user: UserRecord, role: str) -> bool:
    """Whether ``user`` is allowed what ``role`` is (viewer < analyst < admin)."""
    return ROLES.index(user.role) >= ROLES.index(role)


def hash_password(password: str) -> str:
    """The argon2id hash of ``password``; :class:`ConfigurationError` if it is too short."""
    if len(password) < MIN_PASSWORD:
        raise ConfigurationError(f"a password needs at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


def hash_token(token: str) -> str:
    """What the store keeps of a token: its SHA-256, hex."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_user(store: Store, name: str, role: str, password: str, *, by: str) -> UserRecord:
    """Create a user; :class:`ConfigurationError` for a bad name, role or password,
    :class:`~warmonitor.errors.ConflictError` when the name is taken."""
    if not _NAME.fullmatch(name):
        raise ConfigurationError(
            "a user name is 1 to 64 letters, digits or . _ @ -, starting with a letter or digit"
        )
    user = store.add_user(name, check_role(role), hash_password(password))
    store.audit("user_add", user=by, target=name, detail={"role": role})
    return user


def set_disabled(store: Store, name: str, disabled: bool = True, *, by: str) -> UserRecord:
    """Disable (or enable again) a user: a disabled user's logins, sessions and tokens fail."""
    user = store.update_user(name, disabled=disabled)
    store.audit("user_disable" if disabled else "user_enable", user=by, target=name)
    return user


def set_role(store: Store, name: str, role: str, *, by: str) -> UserRecord:
    """Give a user another role."""
    user = store.update_user(name, role=check_role(role))
    store.audit("user_role", user=by, target=name, detail={"role": role})
    return user


def new_token(
    store: Store, name: str, *, label: str | None = None, by: str
) -> tuple[str, TokenRecord]:
    """A new bearer token for user ``name``: the token (shown once, never stored) and its
    record."""
    user = store.user(name)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    record = store.add_token(user.id, hash_token(token), label)
    store.audit("token_add", user=by, target=name, detail={"token": record.id, "label": label})
    return token, record


def revoke_token(store: Store, name: str, token_id: int, *, by: str) -> None:
    """Revoke token ``token_id`` of user ``name`` for good."""
    if token_id not in {t.id for t in store.tokens(name) if t.revoked_at is None}:
        raise NotFoundError(f"user {name!r} has no live token {token_id}")
    store.revoke_token(token_id)
    store.audit("token_revoke", user=by, target=name, detail={"token": token_id})


def user_for_token(store: Store, token: str) -> UserRecord | None:
    """The enabled user a live token belongs to, if any."""
    user = store.user_for_token(hash_token(token))
    return None if user is None or user.disabled else user


def authenticate(
    store: Store, name: str, password: str, *, client: str | None, now: datetime | None = None
) -> UserRecord:
    """The user, when ``password`` is theirs and they are enabled; :class:`AccessError`
    otherwise (one message whatever was wrong), :class:`ThrottledError` while the pair of
    ``name`` and ``client`` has failed too often (see the module docstring). Audited."""
    now = now or datetime.now(UTC)
    failures = store.failed_logins(name, client, now - FAILURE_WINDOW)
    if len(failures) >= MAX_FAILURES:
        retry = failures[-MAX_FAILURES] + FAILURE_WINDOW - now
        seconds = max(1, int(retry.total_seconds()) + 1)
        store.audit("login_throttled", user=name, client=client, status=429)
        raise ThrottledError(f"too many failed logins: try again in {seconds} s", seconds)
    found = store.password_hash(name)
    ok = False
    try:
        ok = _HASHER.verify(found[1] if found else _decoy(), password) and found is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if not ok or found is None or found[0].disabled:
        store.audit(LOGIN_FAILED, user=name, client=client, status=401)
        raise AccessError("wrong user name or password, or the user is disabled")
    store.audit(LOGIN, user=name, client=client)
    return found[0]
