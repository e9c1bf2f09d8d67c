"""Reading JavaScript literals: the values MDX posts write in `{...}` and `export const`.

Only plain data is read: objects (with bare or quoted keys), arrays, strings,
template literals without `${}`, numbers, `true`, `false`, `null` and `undefined`,
with comments and trailing commas. Anything that needs JavaScript to evaluate (a
variable, a call, an operator) raises `NotALiteral`.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["NotALiteral", "parse_literal"]

_SPACE = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.DOTALL)
_NUMBER = re.compile(r"[+-]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_WORDS: dict[str, Any] = {"true": True, "false": False, "null": None, "undefined": None}
_MAX_DEPTH = 200


class NotALiteral(ValueError):
    """The text is not a plain JavaScript literal; the message says where and why."""


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, what: str) -> NotALiteral:
        return NotALiteral(f"{what} at character {self.pos + 1}")

    def skip(self) -> None:
        self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def peek(self) -> str:
        self.skip()
        return self.text[self.pos : self.pos + 1]

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise self.fail(f"expected {char!r}")
        self.pos += 1

    def value(self, depth: int = 0) -> Any:
        if depth > _MAX_DEPTH:
            raise self.fail("nested too deeply")
        ch = self.peek()
        if ch == "{":
            return self.obj(depth)
        if ch == "[":
            return self.array(depth)
        if ch and ch in "\"'`":
            return self.string()
        if number := _NUMBER.match(self.text, self.pos):
            self.pos = number.end()
            raw = number[0].replace("_", "")
            return float(raw) if any(c in raw for c in ".eE") else int(raw)
        if word := _IDENT.match(self.text, self.pos):
            if word[0] in _WORDS:
                self.pos = word.end()
                return _WORDS[word[0]]
            raise self.fail(f"{word[0]!r} needs JavaScript to evaluate")
        raise self.fail("expected a value" if ch else "unexpected end")

    def string(self) -> str:
        quote = self.text[self.pos]
        self.pos += 1
        out: list[str] = []
        while self.pos < len(self.text):
            ch = self.text[self.pos]
            if ch == quote:
                self.pos += 1
                return "".join(out)
            if ch == "\\":
                nxt = self.text[self.pos + 1 : self.pos + 2]
                if nxt == "u" and (m := re.match(r"u([0-9a-fA-F]{4})", self.text[self.pos + 1 :])):
                    out.append(chr(int(m[1], 16)))
                    self.pos += 6
                    continue
                out.append(_ESCAPES.get(nxt, nxt))
                self.pos += 2
                continue
            if quote == "`" and self.text.startswith("${", self.pos):
                raise self.fail("a template literal with ${...} needs JavaScript")
            if ch == "\n" and quote != "`":
                raise self.fail("unterminated string")
            out.append(ch)
            self.pos += 1
        raise self.fail("unterminated string")

    def key(self) -> str:
        ch = self.peek()
        if ch and ch in "\"'":
            return self.string()
        if word := _IDENT.match(self.text, self.pos):
            self.pos = word.end()
            return word[0]
        if number := _NUMBER.match(self.text, self.pos):
            self.pos = number.end()
            return number[0]
        raise self.fail("expected a key")

    def obj(self, depth: int) -> dict[str, Any]:
        self.expect("{")
        out: dict[str, Any] = {}
        while self.peek() != "}":
            if self.text.startswith("...", self.pos):
                raise self.fail("a spread needs JavaScript")
            key = self.key()
            self.expect(":")
            out[key] = self.value(depth + 1)
            if self.peek() == ",":
                self.pos += 1
            elif self.peek() != "}":
                raise self.fail("expected ',' or '}'")
        self.pos += 1
        return out

    def array(self, depth: int) -> list[Any]:
        self.expect("[")
        out: list[Any] = []
        while self.peek() != "]":
            out.append(self.value(depth + 1))
            if self.peek() == ",":
                self.pos += 1
            elif self.peek() != "]":
                raise self.fail("expected ',' or ']'")
        self.pos += 1
        return out


def parse_literal(text: str) -> Any:
    """The Python value of a JavaScript literal.

    Raises:
        NotALiteral: The text is anything else.
    """
    parser = _Parser(text)
    value = parser.value()
    if parser.peek() not in ("", ";"):
        raise parser.fail("unexpected text after the value")
    return value
