"""The one rounding rule: half away from zero at the indicator's decimals, on the shortest decimal form of the value
(97.25 → 97.3, 88.305 → 88.31), as the official bands round. Everything compared or grouped by its displayed value
(bands, target status, ranks, map classes) rounds here, so what is shown and what is compared never disagree;
numpy's own np.round rounds half to even (97.25 → 97.2) and is not used for that.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

import numpy as np
import numpy.typing as npt

_DECIMAL_CONTEXT = Context(prec=400)


def round_half_up(value: float, decimals: int) -> float:
    """One value, rounded half away from zero on its shortest decimal repr (88.305 -> 88.31); NaN and ±inf stay."""
    if not math.isfinite(float(value)):
        return float(value)
    quantum = Decimal(1).scaleb(-decimals)
    exact = Decimal(str(float(value)))
    return float(exact.quantize(quantum, rounding=ROUND_HALF_UP, context=_DECIMAL_CONTEXT))


def half_up(values: npt.ArrayLike, decimals: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Vectorised round_half_up (decimals one number or one per value): |x| is compared with the float nearest each
    decimal midpoint, without an epsilon, so the result equals round_half_up's; NaN and ±inf stay."""
    numbers = np.asarray(values, dtype="float64")
    finite = np.isfinite(numbers)
    scale = 10.0 ** np.asarray(decimals, dtype="float64")
    magnitude = np.abs(np.where(finite, numbers, 0.0))
    nearest = np.rint(magnitude * scale)
    steps = np.where(
        magnitude >= (nearest + 0.5) / scale,
        nearest + 1.0,
        np.where(magnitude >= (nearest - 0.5) / scale, nearest, nearest - 1.0),
    )
    return np.where(finite, np.sign(numbers) * steps / scale, numbers)
