"""Two colleagues at once, and a process killed mid-save: nothing is lost or overwritten.

Runs on SQLite, and on PostgreSQL too when CXPRIOR_TEST_DATABASE_URL is set. Races use
two Store instances (two sessions, each with its own connections); crashes use a real
process (forked, so it starts at once) killed with SIGKILL.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import threading
import time

import pytest
from sqlalchemy import event, text

from cxprior.domain import Goal, Initiative, PortfolioResult, Scenario, Workspace
from cxprior.store import Person, ScenarioStatus, StaleVersionError, Store, format_when


def big_workspace(label: str, size: int = 400) -> Workspace:
    return Workspace(
        goals=(Goal("G1", "Fidéliser", 1.0),),
        initiatives=tuple(Initiative(f"I-{i:04d}", f"Initiative {i} {label}", float(i)) for i in range(size)),
    )


def race(*calls):
    """Run the calls at the same instant in threads; return each one's result or exception."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[object] = [None] * len(calls)

    def run(index: int, call) -> None:
        barrier.wait()
        try:
            outcomes[index] = call()
        except Exception as error:
            outcomes[index] = error

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_two_sessions_editing_the_same_workspace_the_second_is_told_and_keeps_a_copy(db_url):
    with Store.open(db_url) as alice, Store.open(db_url) as bob:
        alice.save_workspace("Acme", big_workspace("v1", 5), "Alice", None)
        alices_view = alice.load_workspace("Acme")
        bobs_view = bob.load_workspace("Acme")

        bobs_save = bob.save_workspace("Acme", big_workspace("bob", 5), "Bob", bobs_view.version)
        with pytest.raises(StaleVersionError) as caught:
            alice.save_workspace("Acme", big_workspace("alice", 5), "Alice", alices_view.version)
        copy = alice.save_workspace_as_copy("Acme", big_workspace("alice", 5), "Alice")

        assert caught.value.message == (
            f"Bob changed workspace “Acme” on {format_when(bobs_save.saved_at)} (it is now at version 2; "
            "your work started from version 1). Nothing was saved. Reload it to see their changes, "
            "or save yours as a copy."
        )
        assert alice.load_workspace("Acme").workspace == big_workspace("bob", 5)
        assert bob.load_workspace(copy.name).workspace == big_workspace("alice", 5)


@pytest.mark.parametrize("rounds", [5])
def test_two_sessions_saving_the_same_version_at_the_same_instant_exactly_one_wins(db_url, rounds):
    with Store.open(db_url) as first, Store.open(db_url) as second:
        first.save_workspace("Acme", big_workspace("v1", 50), "Alice", None)
        for expected in range(1, rounds + 1):
            outcomes = race(
                lambda e=expected: first.save_workspace("Acme", big_workspace(f"a{e}", 50), "Alice", e),
                lambda e=expected: second.save_workspace("Acme", big_workspace(f"b{e}", 50), "Bob", e),
            )

            winners = [o for o in outcomes if not isinstance(o, Exception)]
            losers = [o for o in outcomes if isinstance(o, Exception)]
            assert len(winners) == 1 and winners[0].version == expected + 1
            assert len(losers) == 1 and isinstance(losers[0], StaleVersionError), losers
            assert losers[0].changed_by == winners[0].author

        versions = first.list_workspace_versions("Acme")
        assert [v.version for v in versions] == list(range(rounds + 1, 0, -1))


def test_two_sessions_creating_the_same_workspace_at_the_same_instant_exactly_one_wins(db_url):
    with Store.open(db_url) as first, Store.open(db_url) as second:
        outcomes = race(
            lambda: first.save_workspace("Acme", big_workspace("a", 50), "Alice", None),
            lambda: second.save_workspace("Acme", big_workspace("b", 50), "Bob", None),
        )

        losers = [o for o in outcomes if isinstance(o, Exception)]
        assert len(losers) == 1 and isinstance(losers[0], StaleVersionError), outcomes
        assert losers[0].message.startswith("A workspace named “Acme” already exists")
        assert [v.version for v in first.list_workspace_versions("Acme")] == [1]


def test_the_comex_approving_and_sending_back_at_once_records_only_one_decision(db_url):
    with Store.open(db_url) as author, Store.open(db_url) as paul, Store.open(db_url) as marie:
        ref = author.save_workspace("Acme", big_workspace("v1", 5), "Alice", None)
        result = PortfolioResult("optimal", 1.0, 0.0, ("I-0001",), 1.0, {}, {"G1": 1.0}, "highs", 0.1)
        draft = author.save_scenario(Scenario("Plan"), result, ref, "Alice")
        submitted = author.submit_scenario(draft.scenario_id, "Alice")

        outcomes = race(
            lambda: paul.approve_scenario(draft.scenario_id, "Paul", "Yes", submitted.version),
            lambda: marie.send_back_scenario(draft.scenario_id, "Marie", "No", submitted.version),
        )

        winner = next(o for o in outcomes if not isinstance(o, Exception))
        loser = next(o for o in outcomes if isinstance(o, Exception))
        assert isinstance(loser, StaleVersionError)
        assert winner.status in (ScenarioStatus.APPROVED, ScenarioStatus.SENT_BACK)
        log = author.decision_log(draft.scenario_id)
        assert [d.to_status for d in log] == ["draft", "submitted", winner.status]
        assert log[-1].author == winner.updated_by


def child_saving(url: str, mode: str, size: int, report) -> None:
    """Runs in a forked process: saves, telling the parent how far it got."""
    store = Store.open(url)
    current = store.load_workspace("Acme").version
    if mode == "stall":
        # stop inside the save's transaction, after its writes and before COMMIT
        @event.listens_for(store.engine, "after_cursor_execute")
        def stall(conn, cursor, statement, *args):
            if statement.lstrip().upper().startswith("INSERT INTO WORKSPACE_VERSIONS"):
                report.send("MID-SAVE")
                time.sleep(120)

        store.save_workspace("Acme", big_workspace("child", size), "Child", current)
    while True:
        store.save_workspace("Acme", big_workspace(f"v{current + 1}", size), "Child", current)
        current += 1
        report.send(f"SAVED {current}")


def start_child(target, *args):
    """A real process (forked: no second start-up of Python) and the end of a pipe to it."""
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    child = context.Process(target=target, args=(*args, theirs), daemon=True)
    child.start()
    return child, ours


def wait_for(child, pipe, message: str) -> None:
    while pipe.poll(30):
        if pipe.recv() == message:
            return
    raise AssertionError(f"the child never said {message!r} (exit code {child.exitcode})")


def kill(child) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.join(timeout=10)
    assert child.exitcode == -signal.SIGKILL


def assert_sound(store: Store) -> None:
    if store.backend == "sqlite":
        with store.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_a_process_killed_in_the_middle_of_a_save_leaves_the_previous_version_intact(db_url):
    with Store.open(db_url) as store:
        store.save_workspace("Acme", big_workspace("v1"), "Alice", None)
    child, pipe = start_child(child_saving, db_url, "stall", 1000)

    wait_for(child, pipe, "MID-SAVE")
    kill(child)

    with Store.open(db_url) as store:
        assert_sound(store)
        assert store.load_workspace("Acme").workspace == big_workspace("v1")
        assert [(v.version, v.author) for v in store.list_workspace_versions("Acme")] == [
            (1, Person("Alice"))
        ]
        # nothing is left locked: the next save goes through
        assert store.save_workspace("Acme", big_workspace("v2"), "Alice", 1).version == 2


def test_a_process_killed_at_a_random_moment_of_repeated_saves_leaves_a_whole_version(db_url):
    with Store.open(db_url) as store:
        store.save_workspace("Acme", big_workspace("v1"), "Alice", None)
    child, pipe = start_child(child_saving, db_url, "loop", 400)

    wait_for(child, pipe, "SAVED 3")
    time.sleep(random.uniform(0.0, 0.15))
    kill(child)

    with Store.open(db_url) as store:
        assert_sound(store)
        latest = store.load_workspace("Acme")
        assert latest.version >= 3
        assert latest.workspace == big_workspace(f"v{latest.version}")
        assert [v.version for v in store.list_workspace_versions("Acme")] == list(
            range(latest.version, 0, -1)
        )


def child_opening(url: str, start, report) -> None:
    start.wait(30)
    with Store.open(url) as store:
        report.send(len(store.list_workspaces()))


def test_two_processes_opening_a_new_store_at_once_both_start(db_url):
    context = multiprocessing.get_context("fork")
    start = context.Event()
    children = [start_child(child_opening, db_url, start) for _ in range(2)]

    start.set()

    for child, pipe in children:
        child.join(timeout=60)
        assert child.exitcode == 0, "a process could not open the store"
        assert pipe.recv() == 0


def test_four_processes_starting_together_on_a_new_sqlite_file_all_start(tmp_path):
    # a new file is switched to WAL mode by whichever process comes first; SQLite
    # refuses the others at once, without waiting, unless the store retries
    context = multiprocessing.get_context("fork")
    for round_number in range(20):
        path = str(tmp_path / f"new-{round_number}.db")
        start = context.Event()
        children = [start_child(child_opening, path, start) for _ in range(4)]

        start.set()

        for child, pipe in children:
            child.join(timeout=60)
            assert child.exitcode == 0, f"round {round_number}: a process could not open the store"
            assert pipe.recv() == 0
