"""Making pages: each Page rendered with its template and written below a folder.

A job carries everything it needs, so that it can run in a worker process: the setting, the
build cache's location (for the HTML of practices' texts) and the pages to make.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

import jinja2

from ..config import LANGS, Lang
from ..problems import ContentError, Problem
from ..site.i18n import MissingTranslation, translations
from ..site.line_breaks import hyphens_kept_with_words
from ..site.markdown import Converter, PracticeHtml, practice_html, to_html
from ..site.opendata import DataSet, practices_csv, practices_json, records
from ..site.pages import DATA_CSV, DATA_JSON, TEXT, MarkdownText, Page, PracticeText
from ..site.templates import Setting, make_env
from . import write
from .cache import BuildCache


class MakeJob(NamedTuple):
    setting: Setting
    cache: tuple[Path | None, str]
    """The build cache's path and salt."""
    target: Path
    pages: Sequence[Page]


class Made(NamedTuple):
    path: str
    size: int
    mtime_ns: int


def make_pages(job: MakeJob) -> list[Made]:
    """Render and write every page of the job below its target folder."""
    langs = {page.lang for page in job.pages}
    langs = set(LANGS) if None in langs else langs  # a page of both languages uses both
    envs = {
        lang: make_env(job.setting, translations(job.setting.catalogues[lang], lang))
        for lang in LANGS
        if lang in langs
    }
    with closing(BuildCache(*job.cache)) as cache, template_problems(job.setting.templates):
        digests = [
            v.digest for page in job.pages for v in page.context.values() if isinstance(v, PracticeText)
        ]
        texts = practice_texts(cache, digests)
        made = []
        # A language's JSON and CSV files show the same records: they are made once.
        data: dict[Lang, DataSet] = {
            p.context["data"].lang: p.context["data"]
            for p in job.pages
            if p.template in (DATA_JSON, DATA_CSV)
        }
        data_records = {lang: records(dataset) for lang, dataset in data.items()}
        for page in job.pages:
            text = render(page, envs, texts, job.setting, data_records)
            made.append(Made(page.path, *write.write_file(job.target, page.path, text)))
        return made


def practice_texts(cache: BuildCache, digests: list[str]) -> dict[str, PracticeHtml]:
    """Digest → the HTML of that practice file's text and criteria. Each Markdown text's
    HTML comes from the cache by the text's hash, or is converted now and kept there."""
    sources = cache.sources(digests)
    if not sources.keys() >= set(digests):
        where = PurePosixPath(".cache/build.sqlite")
        message = "the build cache lost a practice's text while the site was built; build again"
        raise ContentError([Problem(where, 1, 1, message)])
    markdown = {digest: json.loads(sources[digest]) for digest in set(digests)}
    wanted = {text for m in markdown.values() for text in (m["body"], *m["criteria"].values())}
    html = cache.html(wanted)
    if missing := wanted - html.keys():
        converter = Converter()
        made = {text: converter.convert(text) for text in missing}
        cache.put_html(made)
        html |= made
    return {
        digest: PracticeHtml(html[m["body"]], {code: html[text] for code, text in m["criteria"].items()})
        for digest, m in markdown.items()
    }


def render(
    page: Page,
    envs: dict[Lang, jinja2.Environment],
    texts: dict[str, PracticeHtml],
    setting: Setting,
    data_records: dict[Lang, list[dict[str, Any]]],
) -> str:
    """One page's text, an HTML page's with its hyphens that begin words kept with them.
    `data_records`: each language's open-data records."""
    if page.template == TEXT:
        return str(page.context["text"])
    if page.template in (DATA_JSON, DATA_CSV):
        data: DataSet = page.context["data"]
        if page.template == DATA_JSON:
            return practices_json(data.lang, data_records[data.lang])
        return practices_csv(data_records[data.lang], data.vocabulary.codes("criteria"))
    context = {name: _made(value, texts, setting) for name, value in page.context.items()}
    if page.lang is None:  # a page of both languages: it takes each one's strings
        context["t"] = {lang: env.globals["gettext"] for lang, env in envs.items()}
    made = envs[page.lang or "fi"].get_template(page.template).render(**context)
    return hyphens_kept_with_words(made) if page.path.endswith(".html") else made


def _made(value: Any, texts: dict[str, PracticeHtml], setting: Setting) -> Any:
    base_path, sizes = setting.config.base_path, setting.image_sizes
    if isinstance(value, PracticeText):
        return practice_html(texts[value.digest], base_path, value.targets, sizes)
    if isinstance(value, MarkdownText):
        return to_html(value.markdown, base_path, value.targets.__getitem__, sizes)
    return value


@contextmanager
def template_problems(templates: Path) -> Iterator[None]:
    """A mistake in a template or a catalogue becomes a problem at its file and line, as
    content's do: Jinja's errors, a string without a translation, and whatever a template's own
    code raises ({{ 1 / 0 }}, a template that includes itself)."""
    try:
        yield
    except Exception as error:
        if isinstance(error, jinja2.TemplateError | MissingTranslation) or _template_frames(error, templates):
            raise ContentError([template_problem(error, templates)]) from None
        raise


def _template_frames(error: Exception, templates: Path) -> list[traceback.FrameSummary]:
    return [f for f in traceback.extract_tb(error.__traceback__) if Path(f.filename).parent == templates]


def template_problem(error: Exception, templates: Path) -> Problem:
    """A template or catalogue mistake as a problem at its file and line."""
    if isinstance(error, MissingTranslation):
        where = PurePosixPath(f"locales/{error.lang}/LC_MESSAGES/messages.po")
        return Problem(where, 1, 1, str(error).split(": ", 1)[1])
    if isinstance(error, jinja2.TemplateSyntaxError):
        return Problem(
            PurePosixPath("templates") / (error.name or "?"),
            error.lineno,
            1,
            f"template error: {error.message}",
        )
    if frames := _template_frames(error, templates):
        name = Path(frames[-1].filename).name
        return Problem(
            PurePosixPath("templates") / name, frames[-1].lineno or 1, 1, f"template error: {error}"
        )
    return Problem(PurePosixPath("templates"), 1, 1, f"template error: {error}")
