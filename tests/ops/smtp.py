"""A local SMTP server on 127.0.0.1 (aiosmtpd) that keeps the mails it receives."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

USER, PASSWORD = "kcn", "not-a-secret"


@dataclass
class Mailbox:
    """What the server received: one parsed message per mail, and its envelope."""

    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append(message)  # type: ignore[arg-type]
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"

    def settings(self, to: str = "analyst@example.org") -> tuple[str, ...]:
        """``-s`` settings that send Spidermon's e-mail alerts to this server."""
        return (
            "KCN_ALERT_ACTIONS=kcn_crawler.alerts.SendSmtpEmail",
            f"SPIDERMON_EMAIL_TO={to}",
            f"SPIDERMON_SMTP_HOST={self.host}",
            f"SPIDERMON_SMTP_PORT={self.port}",
            f"SPIDERMON_SMTP_USER={USER}",
            f"SPIDERMON_SMTP_PASSWORD={PASSWORD}",
        )


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth: Any) -> Any:
    login = getattr(auth, "login", b"")
    password = getattr(auth, "password", b"")
    return AuthResult(success=(login, password) == (USER.encode(), PASSWORD.encode()))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def smtp_server() -> Iterator[Mailbox]:
    """An SMTP server on 127.0.0.1 accepting AUTH without TLS, for the length of the block."""
    mailbox = Mailbox("127.0.0.1", _free_port())
    controller = Controller(
        mailbox,
        hostname=mailbox.host,
        port=mailbox.port,
        authenticator=_authenticate,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()
