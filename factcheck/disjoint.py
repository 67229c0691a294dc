"""Union-find: the connected components that alignment, clustering and corroboration build."""

from __future__ import annotations


class DisjointSets:
    """Sets over 0..n-1; a set's root is its smallest member, so results do not depend on merge order."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)
