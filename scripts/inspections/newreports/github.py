"""The few GitHub REST API calls that open a draft pull request with one new file.

Why not a library: six calls, made with the standard library, are easier to check (and to
stand in for in tests) than a dependency. The API's address comes from the caller
(``GITHUB_API_URL`` on Actions, a local stand-in in tests); the token is sent only there.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import quote

MAX_BODY = 5 * 1024 * 1024


class GitHubError(Exception):
    """An API call that failed, with what GitHub said."""


@dataclass(frozen=True)
class GitHub:
    """One repository (``owner/name``) through the REST API at ``api``."""

    api: str
    repo: str
    token: str
    timeout: float = 30.0

    def call(
        self, method: str, path: str, body: dict | None = None, missing_ok: bool = False
    ) -> dict | list | None:
        """One call; None for a 404 when ``missing_ok``."""
        url = f"{self.api.rstrip('/')}/repos/{self.repo}{path}"
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            url,
            data=data,
            method=method,
            headers={
                "Accept": "application/vnd.github+json",
                "Authorization": f"Bearer {self.token}",
                "X-GitHub-Api-Version": "2022-11-28",
                "User-Agent": "inspections-explained-new-reports",
                **({"Content-Type": "application/json"} if data else {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                raw = response.read(MAX_BODY + 1)
        except urllib.error.HTTPError as exc:
            if exc.code == 404 and missing_ok:
                return None
            detail = exc.read(2000).decode("utf-8", errors="replace")
            raise GitHubError(
                f"{method} {path}: GitHub answered {exc.code} ({detail.strip()})"
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            raise GitHubError(f"{method} {path}: could not reach {self.api} ({exc})") from None
        if len(raw) > MAX_BODY:
            raise GitHubError(f"{method} {path}: the answer was too large")
        return json.loads(raw) if raw.strip() else {}

    def default_branch(self) -> str:
        return str(self.call("GET", "")["default_branch"])

    def branch_sha(self, branch: str) -> str | None:
        found = self.call("GET", f"/git/ref/heads/{quote(branch)}", missing_ok=True)
        return found["object"]["sha"] if found else None

    def pulls_from(self, branch: str) -> list[dict]:
        """Open and closed pull requests from ``branch`` of this repository."""
        owner = self.repo.split("/")[0]
        found = self.call("GET", f"/pulls?state=all&head={quote(owner)}:{quote(branch)}")
        return list(found or [])

    def create_branch(self, branch: str, sha: str) -> None:
        self.call("POST", "/git/refs", {"ref": f"refs/heads/{branch}", "sha": sha})

    def add_file(self, branch: str, path: str, text: str, message: str) -> None:
        content = base64.b64encode(text.encode("utf-8")).decode("ascii")
        self.call(
            "PUT",
            f"/contents/{quote(path)}",
            {"message": message, "content": content, "branch": branch},
        )

    def open_draft(self, branch: str, base: str, title: str, body: str) -> str:
        made = self.call(
            "POST",
            "/pulls",
            {"title": title, "head": branch, "base": base, "body": body, "draft": True},
        )
        return str(made.get("html_url") or made.get("url") or "")
