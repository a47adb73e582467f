"""Settings read from the environment, once, by whoever starts the app."""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
# One uvicorn worker is one event loop: past a few dozen requests in flight, more only
# lengthen every request's wait. 64 lets a burst of a few dozen clients through whole.
DEFAULT_MAX_CONCURRENT_REQUESTS = 64
# A request body is a GraphQL document and its variables, at most 1 MB: on any working
# connection it arrives in well under a second. Past this, the sender is not sending.
# The request line and headers get as long (api/http_protocol.py reads that setting).
DEFAULT_BODY_TIMEOUT_SECONDS = 10.0
DEFAULT_HEAD_TIMEOUT_SECONDS = 10.0
# The estimated cost of one operation (api/cost.py): about the number of values its
# answer can hold. The budget admits any single question of the API with a full
# selection, and refuses a document that asks the same heavy question many times over.
DEFAULT_QUERY_COST_BUDGET = 35_000
DEFAULT_EXECUTION_TIMEOUT_SECONDS = 10.0
DEFAULT_MAX_RESPONSE_BYTES = 2_000_000
# Per writing token: a desk curating by hand writes far less; a runaway script is stopped.
DEFAULT_MUTATIONS_PER_MINUTE = 600
# Per client address: full-text searches and comparisons, the reads that cost the most.
DEFAULT_EXPENSIVE_READS_PER_MINUTE = 120
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


# Subscriptions (over WebSocket) poll the database; what one connection may hold and get.
DEFAULT_POLL_SECONDS = 1.0
# A write becomes visible when it commits, after the recordedAt it took when it began:
# a follower reads this far back on every poll (core/follow.py).
DEFAULT_LOOKBACK_SECONDS = 15.0
DEFAULT_MAX_CONNECTIONS = 100  # open WebSocket connections, per API process
DEFAULT_SUBSCRIPTIONS_PER_CONNECTION = 5
DEFAULT_EVENTS_PER_SECOND = 20  # sent on one connection, all its subscriptions together
DEFAULT_EVENT_QUEUE = 100  # events found but not yet sent, per connection


@dataclass(frozen=True)
class SubscriptionLimits:
    poll_seconds: float = DEFAULT_POLL_SECONDS
    lookback_seconds: float = DEFAULT_LOOKBACK_SECONDS
    max_connections: int = DEFAULT_MAX_CONNECTIONS
    per_connection: int = DEFAULT_SUBSCRIPTIONS_PER_CONNECTION
    events_per_second: int = DEFAULT_EVENTS_PER_SECOND
    queue: int = DEFAULT_EVENT_QUEUE
    # Pages on these origins may open a WebSocket besides the API's own (and non-browser
    # clients, which send no Origin).
    origins: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SubscriptionLimits:
        limits = cls(
            poll_seconds=positive_seconds(
                env, "CLAIMTRACE_SUBSCRIPTION_POLL_SECONDS", DEFAULT_POLL_SECONDS
            ),
            lookback_seconds=positive_seconds(
                env, "CLAIMTRACE_SUBSCRIPTION_LOOKBACK_SECONDS", DEFAULT_LOOKBACK_SECONDS
            ),
            max_connections=_positive_int(
                env, "CLAIMTRACE_MAX_WEBSOCKETS", DEFAULT_MAX_CONNECTIONS
            ),
            per_connection=_positive_int(
                env, "CLAIMTRACE_SUBSCRIPTIONS_PER_CONNECTION", DEFAULT_SUBSCRIPTIONS_PER_CONNECTION
            ),
            events_per_second=_positive_int(
                env, "CLAIMTRACE_SUBSCRIPTION_EVENTS_PER_SECOND", DEFAULT_EVENTS_PER_SECOND
            ),
            queue=_positive_int(env, "CLAIMTRACE_SUBSCRIPTION_QUEUE", DEFAULT_EVENT_QUEUE),
            origins=tuple(
                filter(
                    None,
                    (o.strip() for o in env.get("CLAIMTRACE_WEBSOCKET_ORIGINS", "").split(",")),
                )
            ),
        )
        limits.check()
        return limits

    def check(self) -> None:
        """A full queue is sent within the lookback, so that what waits in it is never
        forgotten by the follower that found it."""
        drain = self.queue / self.events_per_second + 2 * self.poll_seconds
        if self.lookback_seconds < drain:
            raise SettingsError(
                "CLAIMTRACE_SUBSCRIPTION_LOOKBACK_SECONDS must be at least the queue's "
                f"drain time plus two polls ({drain:g} s with these settings)"
            )


class Mode(enum.StrEnum):
    """Development keeps GraphiQL, introspection, suggestions and GET queries;
    production turns them off (GET queries can be turned back on)."""

    DEVELOPMENT = "development"
    PRODUCTION = "production"


class SettingsError(ValueError):
    """A missing or malformed setting; the message names it."""


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str
    neo4j_user: str
    neo4j_password: str = field(repr=False)
    neo4j_database: str = "neo4j"
    # (name, token) pairs allowed to write; the name is what audit records show.
    api_tokens: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    max_body_bytes: int = 1_000_000
    # GraphQL requests served at once; more are refused at once with 503 (api/concurrency.py).
    max_concurrent_requests: int = DEFAULT_MAX_CONCURRENT_REQUESTS
    # A body not in full within this long after its headers is answered 408 (api/limits.py).
    body_timeout_seconds: float = DEFAULT_BODY_TIMEOUT_SECONDS
    # Refused before any resolver runs when the estimate exceeds it (api/cost_limits.py).
    query_cost_budget: int = DEFAULT_QUERY_COST_BUDGET
    # A query (not a mutation) still running after this long is stopped (api/cost_limits.py).
    execution_timeout_seconds: float = DEFAULT_EXECUTION_TIMEOUT_SECONDS
    # An answer larger than this is replaced by an error (api/limits.py).
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    mode: Mode = Mode.DEVELOPMENT
    # Queries sent with GET (any web page can make its visitors send one); None: by mode.
    get_queries: bool | None = None
    # Rate limits, in-process (each API process counts on its own); 0 turns one off.
    mutations_per_minute: int = DEFAULT_MUTATIONS_PER_MINUTE
    expensive_reads_per_minute: int = DEFAULT_EXPENSIVE_READS_PER_MINUTE
    subscriptions: SubscriptionLimits = field(default_factory=SubscriptionLimits)
    # Bearer token for /metrics; production serves /metrics only to it (api/metrics.py).
    metrics_token: str | None = field(default=None, repr=False)
    log_level: str = "INFO"

    @property
    def production(self) -> bool:
        return self.mode is Mode.PRODUCTION

    @property
    def allow_get_queries(self) -> bool:
        return not self.production if self.get_queries is None else self.get_queries

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        uri = _required(env, "NEO4J_URI")
        scheme = urlsplit(uri).scheme
        if scheme not in URI_SCHEMES or not urlsplit(uri).hostname:
            raise SettingsError(
                f"NEO4J_URI must look like bolt://host:7687 or neo4j://host "
                f"(schemes: {', '.join(URI_SCHEMES)}); got a value with scheme {scheme!r}"
            )
        database = env.get("NEO4J_DATABASE", "neo4j").strip()
        if not database:
            raise SettingsError("NEO4J_DATABASE is set but empty")
        mode = _mode(env)
        return cls(
            neo4j_uri=uri,
            neo4j_user=_required(env, "NEO4J_USER"),
            neo4j_password=_required(env, "NEO4J_PASSWORD"),
            neo4j_database=database,
            api_tokens=parse_tokens(env.get("CLAIMTRACE_API_TOKENS", "")),
            max_concurrent_requests=_positive_int(
                env, "CLAIMTRACE_MAX_CONCURRENT_REQUESTS", DEFAULT_MAX_CONCURRENT_REQUESTS
            ),
            body_timeout_seconds=positive_seconds(
                env, "CLAIMTRACE_BODY_TIMEOUT_SECONDS", DEFAULT_BODY_TIMEOUT_SECONDS
            ),
            query_cost_budget=_positive_int(
                env, "CLAIMTRACE_QUERY_COST_BUDGET", DEFAULT_QUERY_COST_BUDGET
            ),
            execution_timeout_seconds=positive_seconds(
                env, "CLAIMTRACE_EXECUTION_TIMEOUT_SECONDS", DEFAULT_EXECUTION_TIMEOUT_SECONDS
            ),
            max_response_bytes=_positive_int(
                env, "CLAIMTRACE_MAX_RESPONSE_BYTES", DEFAULT_MAX_RESPONSE_BYTES
            ),
            mode=mode,
            get_queries=_switch(env, "CLAIMTRACE_GET_QUERIES"),
            mutations_per_minute=_count(
                env, "CLAIMTRACE_MUTATIONS_PER_MINUTE", DEFAULT_MUTATIONS_PER_MINUTE
            ),
            expensive_reads_per_minute=_count(
                env, "CLAIMTRACE_EXPENSIVE_READS_PER_MINUTE", DEFAULT_EXPENSIVE_READS_PER_MINUTE
            ),
            subscriptions=SubscriptionLimits.from_env(env),
            metrics_token=_metrics_token(env),
            log_level=_log_level(env),
        )


def parse_tokens(value: str) -> tuple[tuple[str, str], ...]:
    """``name:token,name:token``; tokens of fewer than 16 characters are refused."""
    pairs = []
    for item in filter(None, (part.strip() for part in value.split(","))):
        name, _, token = item.partition(":")
        if not name or len(token) < 16:
            raise SettingsError(
                "CLAIMTRACE_API_TOKENS must look like name:token,name:token "
                "with tokens of at least 16 characters"
            )
        pairs.append((name, token))
    return tuple(pairs)


def _metrics_token(env: Mapping[str, str]) -> str | None:
    token = env.get("CLAIMTRACE_METRICS_TOKEN", "").strip()
    if token and len(token) < 16:
        raise SettingsError("CLAIMTRACE_METRICS_TOKEN must be at least 16 characters")
    return token or None


def _log_level(env: Mapping[str, str]) -> str:
    level = env.get("CLAIMTRACE_LOG_LEVEL", "INFO").strip().upper()
    if level not in LOG_LEVELS:
        raise SettingsError(f"CLAIMTRACE_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
    return level


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    if name not in env:
        return default
    value = env[name].strip()
    if not (value.isascii() and value.isdigit()) or int(value) < 1:
        raise SettingsError(f"{name} must be a positive integer; got {value[:20]!r}")
    return int(value)


def positive_seconds(env: Mapping[str, str], name: str, default: float) -> float:
    """A number of seconds: 10, 2.5 or 0.25 (no exponents, no infinity)."""
    if name not in env:
        return default
    value = env[name].strip()
    whole, _, fraction = value.partition(".")
    digits = whole + fraction
    if not (digits.isascii() and digits.isdigit()) or float(value) <= 0:
        raise SettingsError(f"{name} must be a positive number of seconds; got {value[:20]!r}")
    return float(value)


def _count(env: Mapping[str, str], name: str, default: int) -> int:
    """A limit: a whole number, 0 for none."""
    if name not in env:
        return default
    value = env[name].strip()
    if not (value.isascii() and value.isdigit()):
        raise SettingsError(f"{name} must be a whole number (0 turns it off); got {value[:20]!r}")
    return int(value)


def _mode(env: Mapping[str, str]) -> Mode:
    value = env.get("CLAIMTRACE_MODE", Mode.DEVELOPMENT.value).strip().lower()
    try:
        return Mode(value)
    except ValueError:
        raise SettingsError(
            f"CLAIMTRACE_MODE must be development or production; got {value[:20]!r}"
        ) from None


def _switch(env: Mapping[str, str], name: str) -> bool | None:
    value = env.get(name, "").strip().lower()
    if not value:
        return None
    if value not in {"on", "off"}:
        raise SettingsError(f"{name} must be on or off; got {value[:20]!r}")
    return value == "on"


def _required(env: Mapping[str, str], name: str) -> str:
    value = env.get(name, "").strip()
    if not value:
        raise SettingsError(f"{name} is not set")
    return value
