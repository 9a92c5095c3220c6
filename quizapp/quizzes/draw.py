"""An attempt's plan: which questions, in which order, each one's choices behind opaque ids.

Everything comes from one seed the server keeps to itself, so the plan can be rebuilt on the
server and never guessed from the page: choice ids are random draws, not positions or text.
"""
from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class PoolQuestion:
    """An approved question a quiz may ask."""

    id: int
    kind: str
    choices: tuple[str, ...] = ()
    order: tuple = ()  # its place in the teacher's sets: (set title, position, id)


@dataclass(frozen=True)
class Slot:
    """One question of an attempt as fixed at its start."""

    question_id: int
    position: int
    points: float
    choices: tuple[tuple[str, str], ...]  # (opaque id, choice text), in the order shown


def draw_questions(pool: list[PoolQuestion], *, count: int | None, fixed: list[int],
                   kinds: list[str], shuffle: bool, rng: random.Random) -> list[PoolQuestion]:
    """The fixed list if there is one, else ``count`` drawn at random (all when None), of the
    allowed kinds; in the sets' order unless shuffled."""
    allowed = [q for q in sorted(pool, key=lambda q: q.order) if not kinds or q.kind in kinds]
    if fixed:
        by_id = {q.id: q for q in allowed}
        chosen = [by_id[i] for i in fixed if i in by_id]
    elif count is None or count >= len(allowed):
        chosen = list(allowed)
    else:
        picked = set(q.id for q in rng.sample(allowed, count))
        chosen = [q for q in allowed if q.id in picked]
    if shuffle:
        rng.shuffle(chosen)
    return chosen


def opaque_ids(n: int, rng: random.Random) -> list[str]:
    ids: list[str] = []
    while len(ids) < n:
        candidate = f"c{rng.getrandbits(48):012x}"
        if candidate not in ids:
            ids.append(candidate)
    return ids


def choice_layout(question: PoolQuestion, *, shuffle: bool,
                  rng: random.Random) -> tuple[tuple[str, str], ...]:
    """Multiple choice: every choice behind a random id, shuffled when asked. Other kinds have
    no choices to hide (true or false shows both words)."""
    if question.kind != "mcq":
        return ()
    texts = list(question.choices)
    if shuffle:
        rng.shuffle(texts)
    return tuple(zip(opaque_ids(len(texts), rng), texts))


def plan_attempt(pool: list[PoolQuestion], *, count: int | None, fixed: list[int],
                 kinds: list[str], shuffle_questions: bool, shuffle_choices: bool,
                 points: float, seed: str) -> list[Slot]:
    """The whole attempt from its seed: the same seed always gives the same plan."""
    rng = random.Random(seed)
    chosen = draw_questions(pool, count=count, fixed=fixed, kinds=kinds,
                            shuffle=shuffle_questions, rng=rng)
    return [Slot(q.id, n, points, choice_layout(q, shuffle=shuffle_choices, rng=rng))
            for n, q in enumerate(chosen)]
