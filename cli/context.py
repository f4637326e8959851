"""The state a command run shares: which bank layers to load (loaded once, on first use)."""

from __future__ import annotations

from dataclasses import dataclass, field

import click

from drillkit.bank import Bank, load_bank


@dataclass
class AppContext:
    bank_paths: tuple[str, ...] = ()
    _bank: Bank | None = field(default=None, repr=False)

    @property
    def bank(self) -> Bank:
        if self._bank is None:
            self._bank = load_bank(self.bank_paths)
        return self._bank


def app() -> AppContext:
    ctx = click.get_current_context()
    obj = ctx.find_object(AppContext)
    return obj if obj is not None else ctx.ensure_object(AppContext)
