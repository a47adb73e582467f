from __future__ import annotations

import pytest

from claimtrace.core.database import CONNECTIONS_PER_REQUEST, pool_size_for
from claimtrace.core.settings import (
    DEFAULT_EXPENSIVE_READS_PER_MINUTE,
    DEFAULT_MAX_CONCURRENT_REQUESTS,
    DEFAULT_MUTATIONS_PER_MINUTE,
    Mode,
    Settings,
    SettingsError,
)

GOOD = {"NEO4J_URI": "neo4j://db.example:7687", "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "pw"}


def test_reads_every_setting() -> None:
    settings = Settings.from_env(GOOD | {"NEO4J_DATABASE": "claims"})
    assert settings.neo4j_uri == "neo4j://db.example:7687"
    assert settings.neo4j_user == "neo4j"
    assert settings.neo4j_database == "claims"


def test_database_defaults_to_neo4j() -> None:
    assert Settings.from_env(GOOD).neo4j_database == "neo4j"


@pytest.mark.parametrize("missing", ["NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"])
def test_missing_setting_is_named(missing: str) -> None:
    env = {key: value for key, value in GOOD.items() if key != missing}
    with pytest.raises(SettingsError, match=f"^{missing} is not set$"):
        Settings.from_env(env)


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", "bolt://"])
def test_malformed_uri_is_refused(uri: str) -> None:
    with pytest.raises(SettingsError, match="NEO4J_URI must look like"):
        Settings.from_env(GOOD | {"NEO4J_URI": uri})


def test_password_never_appears_in_repr() -> None:
    assert "s3cr3t-value" not in repr(Settings.from_env(GOOD | {"NEO4J_PASSWORD": "s3cr3t-value"}))


def test_api_tokens_are_read_and_hidden() -> None:
    settings = Settings.from_env(
        GOOD | {"CLAIMTRACE_API_TOKENS": "desk:0123456789abcdef, ci:fedcba9876543210"}
    )
    assert settings.api_tokens == (("desk", "0123456789abcdef"), ("ci", "fedcba9876543210"))
    assert "0123456789abcdef" not in repr(settings)


@pytest.mark.parametrize("value", ["desk", "desk:short", ":0123456789abcdef"])
def test_malformed_api_tokens_are_refused(value: str) -> None:
    with pytest.raises(SettingsError, match="CLAIMTRACE_API_TOKENS must look like"):
        Settings.from_env(GOOD | {"CLAIMTRACE_API_TOKENS": value})


def test_concurrency_limit_has_a_default_and_can_be_set() -> None:
    assert Settings.from_env(GOOD).max_concurrent_requests == DEFAULT_MAX_CONCURRENT_REQUESTS
    settings = Settings.from_env(GOOD | {"CLAIMTRACE_MAX_CONCURRENT_REQUESTS": " 12 "})
    assert settings.max_concurrent_requests == 12


@pytest.mark.parametrize("value", ["0", "-3", "4.5", "many", "", "²"])
def test_malformed_concurrency_limit_is_refused(value: str) -> None:
    with pytest.raises(
        SettingsError, match=r"^CLAIMTRACE_MAX_CONCURRENT_REQUESTS must be a positive integer"
    ):
        Settings.from_env(GOOD | {"CLAIMTRACE_MAX_CONCURRENT_REQUESTS": value})


def test_connection_pool_follows_the_concurrency_limit() -> None:
    small = Settings.from_env(GOOD | {"CLAIMTRACE_MAX_CONCURRENT_REQUESTS": "4"})
    assert pool_size_for(small) == 4 * CONNECTIONS_PER_REQUEST
    assert pool_size_for(Settings.from_env(GOOD)) >= DEFAULT_MAX_CONCURRENT_REQUESTS


def test_request_limits_have_defaults_and_can_be_set() -> None:
    defaults = Settings.from_env(GOOD)
    assert (defaults.body_timeout_seconds, defaults.query_cost_budget) == (10.0, 35_000)
    assert (defaults.execution_timeout_seconds, defaults.max_response_bytes) == (10.0, 2_000_000)
    settings = Settings.from_env(
        GOOD
        | {
            "CLAIMTRACE_BODY_TIMEOUT_SECONDS": "2.5",
            "CLAIMTRACE_QUERY_COST_BUDGET": "5000",
            "CLAIMTRACE_EXECUTION_TIMEOUT_SECONDS": " 30 ",
            "CLAIMTRACE_MAX_RESPONSE_BYTES": "100000",
        }
    )
    assert settings.body_timeout_seconds == 2.5
    assert settings.query_cost_budget == 5000
    assert settings.execution_timeout_seconds == 30.0
    assert settings.max_response_bytes == 100_000


@pytest.mark.parametrize("value", ["0", "-1", "1e3", "inf", "nan", "1.2.3", "", "ten"])
def test_malformed_seconds_are_refused(value: str) -> None:
    with pytest.raises(
        SettingsError, match=r"^CLAIMTRACE_BODY_TIMEOUT_SECONDS must be a positive number of"
    ):
        Settings.from_env(GOOD | {"CLAIMTRACE_BODY_TIMEOUT_SECONDS": value})


def test_development_is_the_default_mode_with_get_queries() -> None:
    settings = Settings.from_env(GOOD)
    assert (settings.mode, settings.production, settings.allow_get_queries) == (
        Mode.DEVELOPMENT, False, True
    )  # fmt: skip


def test_production_turns_get_queries_off_unless_enabled() -> None:
    production = Settings.from_env(GOOD | {"CLAIMTRACE_MODE": "Production"})
    assert (production.production, production.allow_get_queries) == (True, False)
    enabled = Settings.from_env(
        GOOD | {"CLAIMTRACE_MODE": "production", "CLAIMTRACE_GET_QUERIES": "on"}
    )
    assert enabled.allow_get_queries is True
    off = Settings.from_env(GOOD | {"CLAIMTRACE_GET_QUERIES": "off"})
    assert off.allow_get_queries is False


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("CLAIMTRACE_MODE", "staging", "CLAIMTRACE_MODE must be development or production"),
        ("CLAIMTRACE_GET_QUERIES", "yes", "CLAIMTRACE_GET_QUERIES must be on or off"),
        ("CLAIMTRACE_MUTATIONS_PER_MINUTE", "-1", "CLAIMTRACE_MUTATIONS_PER_MINUTE must be"),
        ("CLAIMTRACE_EXPENSIVE_READS_PER_MINUTE", "lots", "CLAIMTRACE_EXPENSIVE_READS_PER"),
    ],
)
def test_malformed_mode_and_limits_are_refused(name: str, value: str, says: str) -> None:
    with pytest.raises(SettingsError, match=f"^{says}"):
        Settings.from_env(GOOD | {name: value})


def test_rate_limits_have_defaults_and_zero_turns_them_off() -> None:
    default = Settings.from_env(GOOD)
    assert (default.mutations_per_minute, default.expensive_reads_per_minute) == (
        DEFAULT_MUTATIONS_PER_MINUTE, DEFAULT_EXPENSIVE_READS_PER_MINUTE
    )  # fmt: skip
    off = Settings.from_env(
        GOOD
        | {"CLAIMTRACE_MUTATIONS_PER_MINUTE": "0", "CLAIMTRACE_EXPENSIVE_READS_PER_MINUTE": "7"}
    )
    assert (off.mutations_per_minute, off.expensive_reads_per_minute) == (0, 7)


def test_metrics_token_and_log_level_are_read_and_the_token_hidden() -> None:
    defaults = Settings.from_env(GOOD)
    assert (defaults.metrics_token, defaults.log_level) == (None, "INFO")
    env = GOOD | {"CLAIMTRACE_METRICS_TOKEN": "scrape-0123456789", "CLAIMTRACE_LOG_LEVEL": "debug"}
    settings = Settings.from_env(env)
    assert (settings.metrics_token, settings.log_level) == ("scrape-0123456789", "DEBUG")
    assert "scrape-0123456789" not in repr(settings)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("CLAIMTRACE_METRICS_TOKEN", "short", "must be at least 16 characters"),
        ("CLAIMTRACE_LOG_LEVEL", "verbose", "must be one of DEBUG, INFO, WARNING, ERROR"),
    ],
)
def test_malformed_metrics_token_or_log_level_is_refused(
    name: str, value: str, message: str
) -> None:
    with pytest.raises(SettingsError, match=f"^{name} {message}"):
        Settings.from_env(GOOD | {name: value})
