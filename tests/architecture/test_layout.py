"""The layout's rules (docs/architecture.md), read from the source: home names no feature, and no two
modules import each other, directly or round a longer circle."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("awareness_site", "home", "campaigns", "search")
FEATURES = ("campaigns", "search")


def modules():
    """``{dotted name: path}`` of every module of the project's apps (migrations apart)."""
    found = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


MODULES = modules()


def imported(tree, top_level_only):
    """The names a module imports (``from a.b import c`` gives ``a.b`` and ``a.b.c``)."""
    nodes = tree.body if top_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def project_module(name):
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def import_graph():
    graph = {}
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text())
        targets = {project_module(each) for each in imported(tree, top_level_only=True)}
        graph[name] = {target for target in targets if target and target != name}
    return graph


def circles(graph):
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("name", sorted(name for name in MODULES if name.split(".")[0] == "home"))
def test_home_imports_no_feature(name):
    tree = ast.parse(MODULES[name].read_text())
    features = sorted({each for each in imported(tree, top_level_only=False) if each.split(".")[0] in FEATURES})
    assert features == [], f"{name} imports {features}: features plug into home through hooks or registries"


def test_no_import_circles():
    assert circles(import_graph()) == []


def test_the_circle_check_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_feature_check_sees_imports_inside_functions():
    tree = ast.parse("def f():\n    from campaigns.models import CampaignPage\n")
    assert "campaigns.models" in set(imported(tree, top_level_only=False))


def test_feature_folders_exist():
    for folder in ("campaigns/lessons", "campaigns/events", "campaigns/reach", "campaigns/demo"):
        assert (ROOT / folder / "__init__.py").exists(), folder
