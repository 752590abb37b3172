"""``criteria list | show | validate | schema``: the indicator sets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .console import EXIT_INPUT, fail, message, run, stdout
from .options import Lang, LangOption

app = typer.Typer(help="List, show, validate indicator sets and print their JSON Schema.",
                  no_args_is_help=True)


@app.command("list")
def list_command() -> None:
    """List the bundled indicator sets: the name to give --criteria, version and source."""

    def body() -> None:
        from rich.table import Table

        from ..indicators.loader import bundled_sets, load_indicator_set

        table = Table("name", "version", "title", "source", "indicators",
                      title="Bundled sets (use the name with --criteria)", title_justify="left")
        table.columns[0].no_wrap = True
        for name in bundled_sets():
            iset = load_indicator_set(name)
            source = iset.based_on or (iset.references[0] if iset.references else "")
            if len(source) > 60:
                source = source[:59] + "…"
            table.add_row(name, iset.version, iset.title.get("en"), source,
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
) -> None:
    """Check indicator set files; report every problem with its line and field."""

    def body() -> None:
        from ..errors import InputError
        from ..indicators.loader import load_indicator_set

        failed: list[InputError] = []
        for path in paths:
            try:
                iset = load_indicator_set(path)
            except InputError as error:
                failed.append(error)
                continue
            count = len(list(iset.indicators()))
            message(f"{path}: ok — {iset.id} {iset.version}, {len(iset.pillars)} pillars, "
                    f"{count} indicators")
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
