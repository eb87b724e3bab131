"""Work shared out to forked processes: results in order, a dead worker's share left to the
caller, the number of workers from the setting."""

from __future__ import annotations

import os

from bloc_content.forked import can_fork, in_forks, workers


def test_each_item_is_worked_in_another_process_and_comes_back_in_order():
    items = list(range(11))
    results = in_forks(lambda share: [(n * n, os.getpid()) for n in share], items, 3)
    assert [square for square, _pid in results] == [n * n for n in items]
    pids = {pid for _square, pid in results}
    assert len(pids) == 3 and os.getpid() not in pids


def test_the_share_of_a_worker_that_dies_comes_back_as_none():
    def work(share):
        if 1 in share:
            os._exit(3)
        return [n + 100 for n in share]

    assert in_forks(work, list(range(6)), 2) == [100, None, 102, None, 104, None]


def test_more_workers_than_items_start_one_per_item():
    assert in_forks(lambda share: [os.getpid() for _ in share], ["a"], 4)[0] != os.getpid()


def test_forking_is_worth_it_only_for_enough_work_on_several_processes():
    assert can_fork(2, 16, 16) and not can_fork(2, 15, 16) and not can_fork(1, 100, 16)


def test_workers_from_the_setting_else_one_per_core():
    assert workers({"BLOC_WORKERS": 1}) == 1
    assert workers({"BLOC_WORKERS": 0}) == 1
    assert workers({"BLOC_WORKERS": 3}) == 3
    assert workers({}) == (os.cpu_count() or 1)
