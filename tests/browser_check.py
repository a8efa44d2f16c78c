"""Open the built HTML book in headless Chromium and check every page.

Usage::

    python tests/browser_check.py _build/html --screenshots _build/screenshots

For every page in ``_toc.yml`` (plus search and index pages): the page loads,
every image on it loads, no Python traceback or error output is shown, and every
internal link points to a file (and anchor) that exists. Search must return
results for a word the book contains. A full-page screenshot of each page, and
one in dark mode, are saved. Exit status 1 when any check fails.

Without Chromium and ChromeDriver (Debian packages ``chromium`` and
``chromium-driver``) the check is skipped with a visible message, unless
``REQUIRE_BROWSER=1`` is set (as ``.ci/run`` does), in which case it fails.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
ERROR_MARKERS = ("Traceback (most recent call last)", "ModuleNotFoundError", "NameError:")


def toc_pages(toc_file: Path) -> list[str]:
    """Return the HTML paths of every file listed in a jb-book ``_toc.yml``."""
    toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "file" in node:
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc.get("parts", toc.get("chapters", [])))
    return [f"{f}.html" for f in files]


def find_browser() -> tuple[str, str] | None:
    """Return ``(chromium, chromedriver)`` paths, or ``None`` when either is missing."""
    chromium = next((p for n in CHROMIUM_NAMES if (p := shutil.which(n))), None)
    driver = shutil.which("chromedriver")
    if chromium and driver:
        return chromium, driver
    return None


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on a free loopback port; return the server and its base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that does not log every request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


def anchor_exists(html_file: Path, anchor: str) -> bool:
    """True when ``html_file`` has an element with ``id`` (or ``name``) ``anchor``."""
    text = html_file.read_text(encoding="utf-8", errors="replace")
    pattern = rf'(id|name)="{re.escape(anchor)}"'
    return re.search(pattern, text) is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="the built book, e.g. _build/html")
    parser.add_argument("--screenshots", type=Path, default=Path("_build/screenshots"))
    parser.add_argument("--search-term", default="Finland")
    args = parser.parse_args(argv)

    browser = find_browser()
    if browser is None:
        msg = (
            "browser check SKIPPED: Chromium and ChromeDriver are not installed "
            "(Debian: apt-get install chromium chromium-driver)"
        )
        if os.environ.get("REQUIRE_BROWSER") == "1":
            print(msg.replace("SKIPPED", "FAILED"), file=sys.stderr)
            return 1
        print(f"\n*** {msg} ***\n")
        return 0
    if not (args.html / "index.html").exists():
        print(f"browser check FAILED: {args.html}/index.html not found; build the book first")
        return 1

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    chromium, chromedriver = browser
    profile = tempfile.mkdtemp(prefix="browser-check-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--window-size=1280,1600",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    server, base = serve(args.html)
    args.screenshots.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    n_images = n_links = n_figures = 0
    pages = toc_pages(ROOT / "_toc.yml")
    try:
        for page in pages:
            driver.get(urljoin(base, page))
            time.sleep(0.2)
            title = driver.title
            if "404" in title or not title:
                problems.append(f"{page}: did not load (title {title!r})")
                continue
            body = driver.find_element(By.TAG_NAME, "body").text
            for marker in ERROR_MARKERS:
                if marker in body:
                    problems.append(f"{page}: shows {marker!r}")
            errors = driver.find_elements(By.CSS_SELECTOR, ".output.error, .output.traceback")
            if errors:
                problems.append(f"{page}: {len(errors)} error output block(s)")
            images = driver.execute_script(
                "return Array.from(document.images)"
                ".map(i => [i.src, i.complete && i.naturalWidth > 0]);"
            )
            for src, ok in images:
                n_images += 1
                if not ok:
                    problems.append(f"{page}: image did not load: {src}")
            # Every figure shows an image (or a table), never a figure's text repr.
            figures = driver.execute_script(
                "return Array.from(document.querySelectorAll('figure')).map(f => "
                "[f.id, f.querySelectorAll('img').length, f.querySelectorAll('table').length, "
                "f.textContent.includes('<Figure size')]);"
            )
            for fig_id, n_img, n_table, text_repr in figures:
                n_figures += 1
                if text_repr or (n_img == 0 and n_table == 0):
                    problems.append(f"{page}: figure {fig_id!r} has no image")
            hrefs = driver.execute_script(
                "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);"
            )
            for href in hrefs:
                url = urlparse(href)
                if url.scheme not in ("http", "https") or url.netloc != urlparse(base).netloc:
                    continue
                n_links += 1
                target = args.html / unquote(url.path.lstrip("/"))
                if target.is_dir():
                    target = target / "index.html"
                if not target.exists():
                    problems.append(f"{page}: broken link {url.path}")
                elif (
                    url.fragment
                    and target.suffix == ".html"
                    and not anchor_exists(target, unquote(url.fragment))
                ):
                    problems.append(f"{page}: missing anchor {url.path}#{url.fragment}")
            name = page.replace("/", "_").replace(".html", "")
            height = driver.execute_script("return document.body.scrollHeight")
            driver.set_window_size(1280, min(max(int(height), 800), 16000))
            driver.save_screenshot(str(args.screenshots / f"{name}.png"))
            driver.set_window_size(1280, 1600)

        # Dark mode keeps figures readable: they have opaque backgrounds.
        driver.get(urljoin(base, pages[min(3, len(pages) - 1)]))
        driver.execute_script(
            "document.documentElement.dataset.theme = 'dark';"
            "const img = document.querySelector('figure img');"
            "if (img) { img.scrollIntoView({block: 'center'}); }"
        )
        time.sleep(0.3)
        driver.save_screenshot(str(args.screenshots / "dark_mode.png"))

        # Search works.
        driver.get(urljoin(base, f"search.html?q={args.search_term}"))
        found = 0
        for _ in range(50):
            found = len(driver.find_elements(By.CSS_SELECTOR, "#search-results li"))
            if found:
                break
            time.sleep(0.2)
        if not found:
            problems.append(f"search for {args.search_term!r} returned no results")
    finally:
        driver.quit()
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)

    for problem in problems:
        print(f"PROBLEM {problem}")
    print(
        f"browser check: {len(pages)} pages, {n_figures} figures, {n_images} images, "
        f"{n_links} internal links, "
        f"search hits for {args.search_term!r}: {found}; {len(problems)} problems; "
        f"screenshots in {args.screenshots}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
