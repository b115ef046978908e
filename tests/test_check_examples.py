"""Every rule's example table in data/rules/plain-language.yaml: passes must pass, fails must fail.

The examples live with the rules so the comms team can see (and add) what each rule means.
"""

from __future__ import annotations

import pytest

from inspections.check import RULES_FILE, load_rules
from inspections.check.checker import GlossaryForms, check_text
from inspections.check.rules import RULE_IDS
from tests_check_support import ROOT

RULES = load_rules(ROOT / RULES_FILE, RULES_FILE.as_posix())
PAGE_RULES = [r for r in RULE_IDS if r != "median-reading-level"]  # site-wide, tested apart


def _cases(kind: str):
    for rule_id in PAGE_RULES:
        examples = RULES.rule(rule_id).examples
        for i, example in enumerate(examples.pass_ if kind == "pass" else examples.fail):
            yield pytest.param(
                rule_id, example.audience, example.text, id=f"{rule_id}-{kind}-{i + 1}"
            )


@pytest.fixture(scope="module")
def glossary(site_data) -> GlossaryForms:
    return GlossaryForms.from_site(site_data)


@pytest.mark.parametrize("rule_id", PAGE_RULES)
def test_every_rule_has_examples_both_ways(rule_id: str) -> None:
    examples = RULES.rule(rule_id).examples
    assert examples.pass_, f"{rule_id} has no passing examples"
    assert examples.fail, f"{rule_id} has no failing examples"


@pytest.mark.parametrize(("rule_id", "audience", "text"), list(_cases("pass")))
def test_passing_examples_pass(rule_id: str, audience: str, text: str, glossary) -> None:
    report = check_text(text, audience, RULES, glossary)
    found = [str(f) for f in report.findings if f.rule == rule_id]
    assert found == []


@pytest.mark.parametrize(("rule_id", "audience", "text"), list(_cases("fail")))
def test_failing_examples_fail(rule_id: str, audience: str, text: str, glossary) -> None:
    report = check_text(text, audience, RULES, glossary)
    assert [f for f in report.findings if f.rule == rule_id], (
        f"expected a {rule_id} problem; got {[str(f) for f in report.findings]}"
    )
