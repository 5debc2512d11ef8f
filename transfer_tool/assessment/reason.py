"""A reason the engine gives: a stable code and an English sentence (an `EngineText` where the engine made
it from a catalogue template, so screens and the report translate it by id)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reason:
    """A readable English sentence plus a stable machine code (for tests, filters and translation)."""

    code: str
    text: str
