"""The words the plugin's pages show, in the languages it speaks.

Dates come from Babel in any locale; these labels are translated here for English,
German, French, Spanish, Japanese and Chinese. A locale with no table of its own
gets English labels (and its dates still come in its language).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

__all__ = ["LABELS", "labels_for"]

_KEYS = (
    "blog archive tags tag series min_read draft scheduled continue newer_posts "
    "older_posts newer_post older_post related part_of previous_part next_part page_of"
).split()

LABELS: dict[str, dict[str, str]] = {
    "en": dict(zip(_KEYS, [
        "Blog", "Archive", "Tags", "Tag: {name}", "Series: {name}", "{minutes} min read",
        "Draft", "Scheduled", "Continue reading", "Newer posts", "Older posts", "Newer post",
        "Older post", "Related posts", "Part {part} of {total} in the series",
        "Previous part", "Next part", "Page {number} of {total}",
    ], strict=True)),
    "de": dict(zip(_KEYS, [
        "Blog", "Archiv", "Schlagwörter", "Schlagwort: {name}", "Serie: {name}",
        "{minutes} Min. Lesezeit", "Entwurf", "Geplant", "Weiterlesen", "Neuere Beiträge",
        "Ältere Beiträge", "Neuerer Beitrag", "Älterer Beitrag", "Ähnliche Beiträge",
        "Teil {part} von {total} der Serie", "Vorheriger Teil", "Nächster Teil",
        "Seite {number} von {total}",
    ], strict=True)),
    "fr": dict(zip(_KEYS, [
        "Blog", "Archives", "Étiquettes", "Étiquette : {name}", "Série : {name}",
        "{minutes} min de lecture", "Brouillon", "Programmé", "Lire la suite",
        "Articles plus récents", "Articles plus anciens", "Article plus récent",
        "Article plus ancien", "Articles similaires", "Partie {part} sur {total} de la série",
        "Partie précédente", "Partie suivante", "Page {number} sur {total}",
    ], strict=True)),
    "es": dict(zip(_KEYS, [
        "Blog", "Archivo", "Etiquetas", "Etiqueta: {name}", "Serie: {name}",
        "{minutes} min de lectura", "Borrador", "Programado", "Seguir leyendo",
        "Entradas más recientes", "Entradas anteriores", "Entrada más reciente",
        "Entrada anterior", "Entradas relacionadas", "Parte {part} de {total} de la serie",
        "Parte anterior", "Parte siguiente", "Página {number} de {total}",
    ], strict=True)),
    "ja": dict(zip(_KEYS, [
        "ブログ", "アーカイブ", "タグ", "タグ: {name}", "シリーズ: {name}",
        "{minutes}分で読めます", "下書き", "予約投稿", "続きを読む", "新しい投稿",
        "古い投稿", "次の投稿", "前の投稿", "関連する投稿",
        "シリーズ全{total}回中の第{part}回", "前の回", "次の回", "{number} / {total} ページ",
    ], strict=True)),
    "zh": dict(zip(_KEYS, [
        "博客", "归档", "标签", "标签：{name}", "系列：{name}", "{minutes} 分钟阅读",
        "草稿", "已计划", "继续阅读", "较新的文章", "较早的文章", "较新的一篇",
        "较早的一篇", "相关文章", "本系列第 {part} 篇，共 {total} 篇", "上一篇", "下一篇",
        "第 {number} 页，共 {total} 页",
    ], strict=True)),
}  # fmt: skip
"""For each language, every label by name; `{...}` are filled in by the templates."""


def labels_for(locale: Locale) -> dict[str, str]:
    """The labels for a locale's language, English where it has none."""
    return LABELS.get(locale.language, LABELS["en"])
