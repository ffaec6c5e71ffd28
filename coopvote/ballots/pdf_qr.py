"""A fast QR encoder for the one symbol ballots use: version 4, level Q, alphanumeric, mask 2.

Encoding dominated printing time with the ``qrcode`` package (its Reed-Solomon arithmetic goes
through a generic polynomial class): about 2 ms a code against well under 1 ms here. Fixing version,
level and mask lets everything but the data bits be computed once: the function patterns and format
bits are copied from ``qrcode`` itself, and the tests check that every matrix equals what ``qrcode``
produces for the same text and settings.
"""

from __future__ import annotations

import functools

import qrcode
from qrcode.constants import ERROR_CORRECT_Q

VERSION = 4
SIZE = 17 + 4 * VERSION
MASK = 2
BLOCKS = 2
DATA_PER_BLOCK = 24
ECC_PER_BLOCK = 26
DATA_BITS = BLOCKS * DATA_PER_BLOCK * 8
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_ALNUM_VALUE = {ch: i for i, ch in enumerate(ALPHANUMERIC)}

_EXP = [0] * 512
_LOG = [0] * 256
_value = 1
for _i in range(255):
    _EXP[_i] = _value
    _LOG[_value] = _i
    _value <<= 1
    if _value & 0x100:
        _value ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


def _generator(degree: int) -> list[int]:
    poly = [1]
    for i in range(degree):
        nxt = [0] * (len(poly) + 1)
        for j, coef in enumerate(poly):
            nxt[j] ^= coef
            if coef:
                nxt[j + 1] ^= _EXP[_LOG[coef] + i]
        poly = nxt
    return poly


_GEN_LOG = [_LOG[c] for c in _generator(ECC_PER_BLOCK)[1:]]
_GEN_TIMES = [0] + [
    int.from_bytes(bytes(_EXP[_LOG[f] + g] for g in _GEN_LOG), "big") for f in range(1, 256)
]
"""The generator's coefficients times f, packed into one integer, so each step of the polynomial
division is a shift and an XOR on a 26-byte integer."""
_SHIFT = 8 * (ECC_PER_BLOCK - 1)
_KEEP = (1 << (8 * ECC_PER_BLOCK)) - 1


def _ecc(data: list[int]) -> list[int]:
    remainder = 0
    for byte in data:
        remainder = ((remainder << 8) & _KEEP) ^ _GEN_TIMES[byte ^ (remainder >> _SHIFT)]
    return list(remainder.to_bytes(ECC_PER_BLOCK, "big"))


@functools.cache
def _template() -> tuple[bytes, tuple[int, ...], int, bytes]:
    """The fixed parts of every symbol, computed once.

    Returns the flat row-major module bytes (1 dark, 0 light, data modules 0), the flat index of each
    data module in placement order, mask 2 over the codeword modules as one integer (first module in
    the top bit), and the mask over the remainder modules that follow the codewords.
    """
    code = qrcode.QRCode(version=VERSION, error_correction=ERROR_CORRECT_Q, border=0, mask_pattern=MASK)
    code.modules_count = SIZE
    code.modules = [[None] * SIZE for _ in range(SIZE)]
    code.setup_position_probe_pattern(0, 0)
    code.setup_position_probe_pattern(SIZE - 7, 0)
    code.setup_position_probe_pattern(0, SIZE - 7)
    code.setup_position_adjust_pattern()
    code.setup_timing_pattern()
    code.setup_type_info(False, MASK)
    grid = code.modules
    order: list[int] = []
    flips: list[int] = []
    row, step = SIZE - 1, -1
    for col in range(SIZE - 1, 0, -2):
        if col <= 6:
            col -= 1
        while True:
            for c in (col, col - 1):
                if grid[row][c] is None:
                    order.append(row * SIZE + c)
                    flips.append(1 if c % 3 == 0 else 0)  # mask pattern 2: column divisible by 3
            row += step
            if row < 0 or row >= SIZE:
                row -= step
                step = -step
                break
    flat = bytes(1 if grid[r][c] else 0 for r in range(SIZE) for c in range(SIZE))
    total = (BLOCKS * (DATA_PER_BLOCK + ECC_PER_BLOCK)) * 8
    mask = int("".join(map(str, flips[:total])), 2)
    return flat, tuple(order), mask, bytes(flips[total:])


def _codewords(text: str) -> list[int]:
    try:
        values = [_ALNUM_VALUE[ch] for ch in text]
    except KeyError as error:
        raise ValueError(f"{error.args[0]!r} is not a QR alphanumeric character") from None
    acc, used = 0b0010, 4  # mode indicator: alphanumeric
    acc, used = (acc << 9) | len(values), used + 9
    for i in range(0, len(values) - 1, 2):
        acc, used = (acc << 11) | (values[i] * 45 + values[i + 1]), used + 11
    if len(values) % 2:
        acc, used = (acc << 6) | values[-1], used + 6
    if used > DATA_BITS:
        raise ValueError(f"{len(text)} characters do not fit a version {VERSION}-Q QR code")
    terminator = min(4, DATA_BITS - used)
    acc, used = acc << terminator, used + terminator
    acc, used = acc << (-used % 8), used + (-used % 8)
    data = list(acc.to_bytes(used // 8, "big"))
    pad = 0
    while len(data) < BLOCKS * DATA_PER_BLOCK:
        data.append((0xEC, 0x11)[pad % 2])
        pad += 1
    return data


_TO_BITS = bytes.maketrans(b"01", b"\x00\x01")


def qr_flat(text: str) -> bytearray:
    """Row-major module bytes (1 dark, 0 light; ``SIZE`` per row, no quiet zone) of ``text``.

    Raises ValueError when the text has characters outside QR alphanumeric mode or is too long.
    """
    data = _codewords(text)
    blocks = [data[b * DATA_PER_BLOCK:(b + 1) * DATA_PER_BLOCK] for b in range(BLOCKS)]
    eccs = [_ecc(block) for block in blocks]
    stream = [block[i] for i in range(DATA_PER_BLOCK) for block in blocks]
    stream += [ecc[i] for i in range(ECC_PER_BLOCK) for ecc in eccs]
    flat, order, mask, tail = _template()
    total = len(stream) * 8
    masked = int.from_bytes(bytes(stream), "big") ^ mask
    values = format(masked, f"0{total}b").encode("ascii").translate(_TO_BITS) + tail
    grid = bytearray(flat)
    for position, value in zip(order, values, strict=True):
        grid[position] = value
    return grid


def qr_matrix(text: str) -> list[list[bool]]:
    """The module matrix (True = dark, no quiet zone) of ``text`` in the ballots' fixed QR symbol."""
    grid = qr_flat(text)
    return [[bool(v) for v in grid[r * SIZE:(r + 1) * SIZE]] for r in range(SIZE)]
