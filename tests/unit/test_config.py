"""Configuration: environment values, and one secret key however many workers start at once."""
from concurrent.futures import ThreadPoolExecutor

from quizapp.config import from_environment, instance_secret_key


def test_environment_values_are_read_with_their_types():
    values = from_environment({"QUIZAPP_RATELIMIT_ENABLED": "false", "QUIZAPP_NAME": "x",
                               "DATABASE_URL": "sqlite://", "SECRET_KEY": "k",
                               "QUIZAPP_TEST_POSTGRES_URL": "ignored", "HOME": "/root"})
    assert values == {"RATELIMIT_ENABLED": False, "NAME": "x",
                      "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "k"}


def test_workers_starting_together_share_one_secret_key(tmp_path):
    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _: instance_secret_key(str(tmp_path)), range(32)))
    assert len(keys) == 1 and len(keys.pop()) == 64
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
