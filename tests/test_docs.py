"""The users' documentation (docs/) says what the code does.

The workbook page is compared with the contract module, the command-line page with the real
argument parser, and the JSON page with what the commands really write on the sample
workspace. Links in the docs, the README and CONTRIBUTING must stay inside the repository:
someone who clones it has nothing beside it.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

import cxprior

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
WORKBOOK_DOC = DOCS / "workbook.md"
CLI_DOC = DOCS / "command-line.md"
JSON_DOC = DOCS / "json.md"
VALUE_DOC = DOCS / "value-model.md"
SAMPLE = ROOT / "sample_data" / "cx_workspace_fr.xlsx"
LINKED_FILES = (*sorted(DOCS.glob("*.md")), ROOT / "README.md", ROOT / "CONTRIBUTING.md")

# how the docs name each kind of column of the contract
KIND_WORDS = {"text": "text", "number": "number", "yesno": "yes/no", "ids": "list of ids"}
NO_ALIAS = {"", "—", "-", "–"}


# --- finding the code the docs describe, wherever the package keeps it -----------------------


def _modules_named(predicate) -> list[ModuleType]:
    found = []
    for info in pkgutil.walk_packages(cxprior.__path__, "cxprior."):
        if predicate(info.name):
            found.append(importlib.import_module(info.name))
    return found


def contract_module() -> ModuleType:
    """The module holding the workbook contract: the one whose name is `contract`."""
    modules = [m for m in _modules_named(lambda name: name.rsplit(".", 1)[-1] == "contract")]
    assert modules, "no cxprior module named contract"
    return next(m for m in modules if hasattr(m, "SheetSpec"))


def contract_sheets(contract: ModuleType) -> tuple:
    """Every sheet the contract defines: the workspace's (`SHEETS`, in its order), then the
    sheets of other workbooks that may also sit in the workspace (the follow-up, the weights…)."""
    defined = [v for v in vars(contract).values() if isinstance(v, contract.SheetSpec)]
    return tuple(dict.fromkeys([*getattr(contract, "SHEETS", ()), *defined]))


def package_attribute(name: str, first: ModuleType):
    """A module-level name of the package: in `first` (the contract), else the domain types,
    else wherever a cxprior module defines it."""
    for module in (first, importlib.import_module("cxprior.domain")):
        if hasattr(module, name):
            return getattr(module, name)
    for info in pkgutil.walk_packages(cxprior.__path__, "cxprior."):
        module = importlib.import_module(info.name)
        if hasattr(module, name):
            return getattr(module, name)
    raise AssertionError(f"no cxprior module defines {name}")


def command_parser() -> argparse.ArgumentParser:
    """The argument parser of `python -m cxprior`."""
    for module in _modules_named(lambda name: "cli" in name.split(".")):
        build = getattr(module, "build_parser", None)
        if callable(build):
            return build()
    raise AssertionError("no build_parser() in the cxprior command-line modules")


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def option_names(parser: argparse.ArgumentParser) -> set[str]:
    """Long option strings and positional names (as their metavar), without --help."""
    names = set()
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if action.option_strings:
            names.update(s for s in action.option_strings if s.startswith("--"))
        else:
            names.add(action.metavar or action.dest)
    return names


# --- reading the Markdown ---------------------------------------------------------------------

FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
BACKTICKED = re.compile(r"`([^`]+)`")


def without_code(text: str) -> str:
    return CODE_SPAN.sub("", FENCE.sub("", text))


def sections(text: str, level: int) -> dict[str, str]:
    """Heading text → the text under it, for headings of exactly `level` #'s."""
    marker = "#" * level + " "
    found: dict[str, str] = {}
    current = None
    fenced = False
    for line in text.splitlines():
        if line.startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and line.startswith(marker):
            current = line[len(marker) :].strip()
            found[current] = ""
            continue
        elif not fenced and re.match(rf"#{{1,{level}}} ", line):
            current = None
        if current is not None:
            found[current] += line + "\n"
    return found


def table_rows(text: str) -> list[list[str]]:
    """Every row of every Markdown table in `text`, split into cells (separator rows left out)."""
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if all(re.fullmatch(r":?-+:?", cell) for cell in cells):
            continue
        rows.append(cells)
    return rows


def first_table(text: str) -> list[list[str]]:
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if line.strip().startswith("|")), None)
    if start is None:
        return []
    block = []
    for line in lines[start:]:
        if not line.strip().startswith("|"):
            break
        block.append(line)
    return table_rows("\n".join(block))


def code_spans(text: str) -> set[str]:
    """What `text` shows in backticks, outside fenced blocks (whose ``` would pair wrongly)."""
    return set(BACKTICKED.findall(FENCE.sub("", text)))


def backticked_names(cell: str) -> list[str]:
    return BACKTICKED.findall(cell)


def names_in_cell(cell: str) -> tuple[str, ...]:
    """ "unité, unite" → ("unité", "unite"); "—" → ()."""
    parts = (part.strip().strip("`").strip() for part in cell.split(","))
    return tuple(part for part in parts if part not in NO_ALIAS)


@dataclass
class DocColumn:
    aliases: tuple[str, ...]
    kind: str
    required: str


@dataclass
class DocSheet:
    aliases: tuple[str, ...]
    columns: dict[str, DocColumn]


def documented_sheets() -> dict[str, DocSheet]:
    """docs/workbook.md: `### Sheet`, a `French name:` line, then the table of its columns."""
    sheets = {}
    for heading, body in sections(WORKBOOK_DOC.read_text(encoding="utf-8"), 3).items():
        french = re.search(r"^French names?:\s*(.+)$", body, re.MULTILINE)
        aliases = names_in_cell(french.group(1)) if french else ()
        rows = first_table(body)
        columns = {}
        if rows:
            header = [cell.casefold() for cell in rows[0]]
            at = {key: header.index(key) for key in ("french names", "type", "required")}
            for row in rows[1:]:
                name = re.fullmatch(r"`([^`]+)`", row[0])
                if name:
                    columns[name.group(1)] = DocColumn(
                        names_in_cell(row[at["french names"]]),
                        row[at["type"]].strip(),
                        row[at["required"]].strip().split()[0].casefold(),
                    )
        sheets[heading.strip("`")] = DocSheet(aliases, columns)
    return sheets


# --- the workbook contract ----------------------------------------------------------------------


def test_every_sheet_and_column_of_the_contract_is_documented_with_its_french_names():
    contract = contract_module()
    documented = documented_sheets()
    for spec in contract_sheets(contract):
        assert spec.key in documented, f"sheet {spec.key} has no `### {spec.key}` section"
        sheet = documented[spec.key]
        assert sheet.aliases == tuple(spec.aliases), f"French names of the {spec.key} sheet"
        for column in spec.columns:
            assert column.key in sheet.columns, f"{spec.key}: column `{column.key}` is not documented"
            assert sheet.columns[column.key].aliases == tuple(column.aliases), (
                f"{spec.key}: French names of `{column.key}`"
            )


def test_the_docs_document_no_sheet_or_column_the_contract_does_not_have():
    specs = {spec.key: spec for spec in contract_sheets(contract_module())}
    documented = documented_sheets()
    assert set(documented) == set(specs)
    for key, sheet in documented.items():
        assert set(sheet.columns) == {c.key for c in specs[key].columns}, f"columns of {key}"


def test_every_column_is_documented_with_its_type_and_whether_it_is_required():
    documented = documented_sheets()
    for spec in contract_sheets(contract_module()):
        for column in spec.columns:
            doc = documented[spec.key].columns[column.key]
            assert doc.kind == KIND_WORDS[column.kind], f"{spec.key}.{column.key}: type"
            assert doc.required == ("yes" if column.required else "no"), f"{spec.key}.{column.key}"


def test_the_pattern_columns_are_shown_outside_the_tables_as_the_contract_reads_them():
    contract = contract_module()
    patterns = [
        value for value in vars(contract).values() if isinstance(value, re.Pattern) and value.groupindex
    ]
    assert patterns, "the contract has no column-name pattern (cost_<period>, impact:<kpi_id>)"
    text = WORKBOOK_DOC.read_text(encoding="utf-8")
    outside_tables = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("|"))
    examples = code_spans(outside_tables)
    for pattern in patterns:
        shown = [example for example in examples if pattern.match(example)]
        assert len(shown) >= 2, f"no example of {pattern.pattern} in docs/workbook.md"
    looks_like_a_pattern = re.compile(r"^(cost|coût|cout)_|^impact:", re.IGNORECASE)
    bare_prefix = re.compile(r"(cost|coût|cout)_|impact:", re.IGNORECASE)
    for example in examples:
        if looks_like_a_pattern.match(example) and not bare_prefix.fullmatch(example):
            assert any(p.match(example) for p in patterns), f"`{example}` is not read by the contract"


def test_every_word_the_contract_accepts_in_a_cell_is_documented():
    contract = contract_module()
    shown = code_spans(WORKBOOK_DOC.read_text(encoding="utf-8"))

    def words(name: str) -> set[str]:
        return set(package_attribute(name, contract))

    accepted_words = {
        "direction": words("DIRECTION_WORDS"),
        "side": words("SIDE_WORDS"),
        "yes/no": (words("YES_WORDS") | words("NO_WORDS")) - {""},
        "competency": words("COMPETENCY_WORDS"),
    }
    for what, accepted in accepted_words.items():
        missing = sorted(accepted - shown)
        assert not missing, f"{what} words not documented in docs/workbook.md: {missing}"


def test_the_rule_on_minimum_goal_shares_is_stated_where_goals_and_scenarios_are_described():
    rule = (
        "a minimum goal share needs a portfolio of positive value: a scenario in which no portfolio"
        " of positive value meets the shares is infeasible, and says so"
    )
    for page in (WORKBOOK_DOC, VALUE_DOC):
        prose = re.sub(r"[*_]", "", " ".join(page.read_text(encoding="utf-8").split())).casefold()
        assert rule in prose, page.name


# --- the command line ---------------------------------------------------------------------------


def test_every_command_and_option_of_the_command_line_is_documented():
    documented = {h.strip("`"): body for h, body in sections(CLI_DOC.read_text(encoding="utf-8"), 2).items()}
    for name, sub in subcommands(command_parser()).items():
        assert name in documented, f"no `## `{name}`` section in docs/command-line.md"
        shown = code_spans(documented[name])
        missing = sorted(option_names(sub) - shown)
        assert not missing, f"{name}: options not documented: {missing}"


def test_the_docs_document_no_command_or_option_the_command_line_does_not_have():
    commands = subcommands(command_parser())
    for heading, body in sections(CLI_DOC.read_text(encoding="utf-8"), 2).items():
        name = re.fullmatch(r"`([a-z-]+)`", heading)
        if not name:
            continue
        assert name.group(1) in commands, f"docs/command-line.md documents a command {heading}"
        known = option_names(commands[name.group(1)])
        for row in table_rows(body)[1:]:
            for option in backticked_names(row[0]):
                assert option in known, f"{heading}: `{option}` is not an option of the command"


# --- what the commands really do on the sample workspace ----------------------------------------


def _sample_copy(path: Path, edit) -> Path:
    book = openpyxl.load_workbook(SAMPLE)
    edit(book)
    book.save(path)
    return path


def _three_mistakes(book) -> None:
    """The copy docs/command-line.md and docs/json.md show: one weight, one link, one cost."""
    book.worksheets[0]["C3"] = -5
    book.worksheets[2]["B4"] = "OBJ-FIDE"
    book.worksheets[3]["F2"] = 700000


def _extra_column(book) -> None:
    book.worksheets[0]["E1"] = "commentaire"
    book.worksheets[0]["E2"] = "à revoir"


@dataclass
class Run:
    code: int
    document: dict
    stderr: str


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Run]:
    """The commands of the docs, run for real (in parallel), with their JSON written to files."""
    tmp = tmp_path_factory.mktemp("docs_runs")
    mistakes = _sample_copy(tmp / "my_copy.xlsx", _three_mistakes)
    noted = _sample_copy(tmp / "noted.xlsx", _extra_column)
    sample = str(SAMPLE.relative_to(ROOT))
    commands = {
        "optimize": ["optimize", sample, "--json", str(tmp / "optimize.json")],
        "infeasible": ["optimize", sample, "--max-initiatives", "1", "--json", str(tmp / "infeasible.json")],
        "frontier": ["frontier", sample, "--points", "3", "--json", str(tmp / "frontier.json")],
        "valid": ["validate", sample, "--json"],
        "invalid": ["validate", str(mistakes), "--json"],
        "noted": ["validate", str(noted), "--json"],
    }
    started = {
        key: subprocess.Popen(
            [sys.executable, "-m", "cxprior", *argv],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for key, argv in commands.items()
    }
    done = {}
    for key, process in started.items():
        stdout, stderr = process.communicate(timeout=300)
        target = tmp / f"{key}.json"
        text = target.read_text(encoding="utf-8") if target.exists() else stdout
        assert text.strip(), f"{commands[key]} wrote no JSON (exit {process.returncode}): {stderr}"
        done[key] = Run(process.returncode, json.loads(text), stderr)
    return done


def _exit_code_meanings() -> dict[int, str]:
    body = sections(CLI_DOC.read_text(encoding="utf-8"), 2)["Exit codes"]
    meanings = {}
    for row in table_rows(body)[1:]:
        code = re.fullmatch(r"`(\d+)`", row[0])
        if code:
            meanings[int(code.group(1))] = row[1]
    return meanings


def test_the_exit_codes_the_docs_give_are_the_ones_the_commands_return(runs):
    meanings = _exit_code_meanings()
    assert set(meanings) == {0, 1, 2, 130}
    assert meanings[runs["optimize"].code].startswith("Success")
    assert meanings[runs["valid"].code].startswith("Success")
    assert meanings[runs["invalid"].code].startswith("Invalid input")
    assert meanings[runs["infeasible"].code].startswith("Infeasible")


def _field_names(document: dict, fixed_key_objects: frozenset[str] = frozenset({"summary"})) -> set[str]:
    """Documented names of a JSON document's fields: top-level keys, `summary.x` for objects
    whose keys are field names, `points[].x` for lists of objects. Objects keyed by data (a
    period, a goal id), such as `cost_by_period`, are fields themselves."""
    names = set()
    for key, value in document.items():
        names.add(key)
        if key in fixed_key_objects and isinstance(value, dict):
            names.update(f"{key}.{inner}" for inner in value)
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            names.update(f"{key}[].{inner}" for item in value for inner in item)
    return names


def _json_sections() -> dict[str, str]:
    return {h.strip("`"): body for h, body in sections(JSON_DOC.read_text(encoding="utf-8"), 2).items()}


def _documented_fields(body: str) -> set[str]:
    return {name for row in table_rows(body)[1:] for name in backticked_names(row[0])[:1]}


def _examples(body: str) -> list[dict]:
    return [json.loads(block) for block in re.findall(r"^```json\n(.*?)^```", body, re.MULTILINE | re.DOTALL)]


def test_the_json_fields_documented_are_exactly_the_fields_the_commands_write(runs):
    docs = _json_sections()
    assert _documented_fields(docs["optimize"]) == _field_names(runs["optimize"].document)
    assert _documented_fields(docs["frontier"]) == _field_names(runs["frontier"].document)
    validate = (
        _field_names(runs["noted"].document)
        | _field_names(runs["invalid"].document)
        | {"summary." + key for key in runs["valid"].document["summary"]}
    )
    assert runs["noted"].document["notes"], "the copy with an extra column should get a note"
    assert _documented_fields(docs["validate --json"]) == validate


def test_the_json_examples_are_what_the_commands_write_on_the_sample(runs):
    docs = _json_sections()
    optimize = _examples(docs["optimize"])
    assert [e["status"] for e in optimize] == ["optimal", "infeasible", "time_limit"]
    for example in optimize:
        assert list(example) == list(runs["optimize"].document)
    real = runs["optimize"].document
    shown = optimize[0]
    assert shown["selected"] == real["selected"]
    assert shown["total_cost"] == real["total_cost"]
    assert shown["cost_by_period"] == real["cost_by_period"]
    assert shown["objective"] == pytest.approx(real["objective"], rel=1e-9)
    assert shown["value_by_goal"] == pytest.approx(real["value_by_goal"], rel=1e-9)
    assert optimize[1]["explanation"] == runs["infeasible"].document["explanation"]

    (frontier,) = _examples(docs["frontier"])
    real = runs["frontier"].document
    assert list(frontier) == list(real)
    assert len(frontier["points"]) == len(real["points"])
    for shown, point in zip(frontier["points"], real["points"], strict=True):
        assert list(shown) == list(point)
        assert shown["budget_by_period"] == point["budget_by_period"]
        assert shown["selected"] == point["selected"]
        assert shown["value"] == pytest.approx(point["value"], rel=1e-9)

    valid, invalid = _examples(docs["validate --json"])
    assert valid == runs["valid"].document
    assert invalid == runs["invalid"].document


# --- links and paths ----------------------------------------------------------------------------

INLINE_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
HTML_LINK = re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
WEB_SCHEMES = {"http", "https", "mailto"}
# "../shared/DESIGN.md", "../../x": a path that climbs out of the file's folder
CLIMBING_PATH = re.compile(r"(?<![\w./-])((?:\.\./)+[^\s`'\"()<>\[\],;]*)")
REPO_PATH = re.compile(r"(?<![\w./-])((?:sample_data|docs|tests|scripts|cxprior|pages)/[\w./-]*[\w])")


def markdown_links(text: str) -> list[str]:
    prose = without_code(text)
    return [
        *INLINE_LINK.findall(prose),
        *REFERENCE_DEFINITION.findall(prose),
        *AUTOLINK.findall(prose),
        *HTML_LINK.findall(prose),
    ]


def heading_anchors(text: str) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown file."""
    anchors: set[str] = set()
    counts: dict[str, int] = {}
    for line in FENCE.sub("", text).splitlines():
        heading = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not heading:
            continue
        slug = re.sub(r"[^\w\- ]", "", heading.group(1).strip().lower()).replace(" ", "-")
        n = counts.get(slug, 0)
        counts[slug] = n + 1
        anchors.add(slug if n == 0 else f"{slug}-{n}")
    return anchors


def anchors_of(page: Path) -> set[str]:
    return heading_anchors(page.read_text(encoding="utf-8"))


def link_problems(text: str, where: Path, root: Path = ROOT) -> list[str]:
    """What is wrong with the links of `text`, a file at `where` inside `root`."""
    problems = []
    for target in markdown_links(text):
        scheme = SCHEME.match(target)
        if scheme:
            if scheme.group(0)[:-1].lower() not in WEB_SCHEMES:
                problems.append(f"{target}: only web links may leave the repository")
            continue
        path, _, anchor = target.partition("#")
        if path.startswith("/"):
            problems.append(f"{target}: an absolute path; link relatively, inside the repository")
            continue
        resolved = (where.parent / path).resolve() if path else where.resolve()
        if not resolved.is_relative_to(root.resolve()):
            problems.append(f"{target}: points outside the repository")
        elif not resolved.exists():
            problems.append(f"{target}: no such file in the repository")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors_of(resolved):
            problems.append(f"{target}: no heading #{anchor} in {resolved.name}")
    return problems


def climbing_paths(text: str, where: Path, root: Path = ROOT) -> list[str]:
    """Paths mentioned in `text` (linked or not, in code or not) that lead out of `root`."""
    return [
        path
        for path in CLIMBING_PATH.findall(text)
        if not (where.parent / path).resolve().is_relative_to(root.resolve())
    ]


@pytest.mark.parametrize("page", LINKED_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_markdown_link_points_outside_the_repository(page):
    assert link_problems(page.read_text(encoding="utf-8"), page) == []


@pytest.mark.parametrize("page", LINKED_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_page_sends_its_reader_to_a_path_outside_the_repository(page):
    assert climbing_paths(page.read_text(encoding="utf-8"), page) == []


def test_the_link_checks_refuse_what_leaves_the_repository_and_accept_what_stays():
    page = DOCS / "example.md"
    assert link_problems("[design](../shared/DESIGN.md)", page)
    assert link_problems("[design](../../shared/DESIGN.md)", page)
    assert link_problems("[notes]: ../../notes.md", page)
    assert link_problems("[home](/etc/passwd)", page)
    assert link_problems("[x](file:///work/shared/DESIGN.md)", page)
    assert link_problems("[gone](missing.md)", page)
    assert link_problems("[goals](workbook.md#no-such-heading)", page)
    inside = "[readme](../README.md) [goals](workbook.md#goals) [web](https://example.org)"
    assert link_problems(inside, page) == []
    assert link_problems("`[x](../../outside.md)` in code is not a link", page) == []
    assert climbing_paths("The contract is in `../shared/DESIGN.md`.", ROOT / "README.md")
    assert climbing_paths("See ../README.md.", page) == []


def test_every_repository_path_the_docs_mention_exists():
    for page in sorted(DOCS.glob("*.md")):
        for path in REPO_PATH.findall(page.read_text(encoding="utf-8")):
            assert (ROOT / path).exists(), f"{page.name} mentions {path}, which does not exist"


def test_the_docs_index_links_every_page_of_the_docs_in_one_line_each():
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    pages = {p.name for p in DOCS.glob("*.md")} - {"README.md"}
    bullets = [line for line in index.splitlines() if line.startswith("- [")]
    linked = [target for line in bullets for target in INLINE_LINK.findall(line)]
    assert sorted(linked) == sorted(pages)
    assert len(bullets) == len(pages)
