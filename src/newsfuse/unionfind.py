"""Disjoint sets, shared by dedup (copy groups) and the agreement map (claim groups)."""

from __future__ import annotations


class UnionFind:
    """Union-find over ``0..n-1`` with path halving; the smallest index leads each set.

    Keeping the smallest index as the root makes the first article of a group its
    original, whatever order the pairs arrive in.

    Examples
    --------
    >>> uf = UnionFind(4)
    >>> uf.union(3, 1); uf.union(1, 2)
    >>> [uf.find(i) for i in range(4)], uf.groups()
    ([0, 1, 1, 1], [[0], [1, 2, 3]])
    """

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        """The sets, each sorted, ordered by their smallest member."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())
