"""``criteria list | show | validate | schema``: the indicator sets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .console import EXIT_INPUT, fail, message, run, stdout
from .options import Lang, LangOption, MessagesLang

app = typer.Typer(help="List, show, validate indicator sets and print their JSON Schema.",
                  no_args_is_help=True)


@app.command("list")
def list_command(lang: MessagesLang = Lang.en) -> None:
    """List the bundled indicator sets: the name to give --criteria, version and source."""

    def body() -> None:
        from rich.table import Table

        from ..indicators.loader import bundled_sets, load_indicator_set
        from ..messages import text

        language = lang.value
        table = Table(text("cli_col_name", language), text("cli_col_version", language),
                      text("cli_col_title", language), text("cli_col_source", language),
                      text("cli_col_indicators", language),
                      title=text("cli_bundled_sets", language), title_justify="left")
        table.columns[0].no_wrap = True  # the name to type: never broken over two lines
        table.columns[3].overflow = "fold"
        for name in bundled_sets():
            iset = load_indicator_set(name)
            source = iset.based_on or (iset.references[0] if iset.references else "")
            table.add_row(name, iset.version, iset.title.get(language), source,
                          str(len(list(iset.indicators()))))
        stdout.print(table)

    run(body)


@app.command("show")
def show_command(
    criteria: Annotated[str | None, typer.Argument(help="A bundled id or a YAML file.")] = None,
    lang: LangOption = Lang.id,
) -> None:
    """Show an indicator set as a tree: pillars, dimensions, indicators, weights, targets."""

    def body() -> None:
        from ..indicators.loader import load_indicator_set
        from .tree import indicator_tree

        stdout.print(indicator_tree(load_indicator_set(criteria), lang.value))

    run(body)


@app.command("validate")
def validate_command(
    paths: Annotated[list[Path], typer.Argument(help="Indicator set YAML files.")],
    lang: MessagesLang = Lang.en,
) -> None:
    """Check indicator set files; report every problem with its line and field."""

    def body() -> None:
        from ..errors import InputError
        from ..indicators.loader import load_indicator_set
        from ..messages import tr

        failed: list[InputError] = []
        for path in paths:
            try:
                iset = load_indicator_set(path)
            except InputError as error:
                failed.append(error)
                continue
            count = len(list(iset.indicators()))
            message(tr("cli_set_ok", lang.value, path=path, set=f"{iset.id} {iset.version}",
                       pillars=len(iset.pillars), indicators=count))
        if len(failed) == 1:
            fail(failed[0])
        if failed:
            for each in failed:
                message(f"error: {each.summary}", "bold red")
                for problem in each.problems:
                    message(f"  {problem}")
            raise typer.Exit(EXIT_INPUT)

    run(body)


@app.command("sources")
def sources_command(
    criteria: Annotated[str | None, typer.Argument(help="A bundled id or a YAML file.")] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", help="Write to this file instead of stdout.",
        show_default=False)] = None,
) -> None:
    """Print the source table of an indicator set as Markdown: every indicator with its
    Kominfo dimension, SPBE number, target and sources (docs/indicator-sources.md)."""

    def body() -> None:
        from ..indicators.loader import load_indicator_set, resolve_set
        from ..indicators.sources import sources_markdown
        from .console import write_output

        path, label = resolve_set(criteria)
        shown = f"../criteria/{path.name}" if label.startswith("bundled:") else None
        write_output(sources_markdown(load_indicator_set(criteria), shown), output)

    run(body)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the indicator-set format (for editors and check-jsonschema)."""

    def body() -> None:
        import json

        from ..indicators.schema import json_schema

        typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))

    run(body)
