"""Open the built HTML book in headless Chromium and check every page as a reader sees it.

Usage::

    python tests/browser_check.py _build/html --screenshots _build/screenshots

For every page in ``_toc.yml`` (plus search): the page loads, every image on it loads
and has alt text that says what it shows (not a file name), no Python traceback or
error output is shown, every internal link points to a file (and anchor) that exists,
the browser console logs no error, and no request goes to another host (every request
is recorded through the DevTools log). Math is rendered by the vendored MathJax (no raw
TeX left). The story chapters (the landing page and the part "The story") show no code
cell until the reader asks for it. At 1,400 px and at 390 px wide no page scrolls
sideways; a multi-panel figure shows its panels side by side at 1,400 px and in one
column at 390 px, drawn at no less than 0.6 of its size; a table's caption stays in view
when the table scrolls in its box. Search must return results for a
word the book contains. A full-page screenshot of every page at both widths, in light and
dark mode, is saved as ``<page>_<width>_<mode>.png``. Exit status 1 when any check fails.

Without Chromium and ChromeDriver (Debian packages ``chromium`` and
``chromium-driver``) the check is skipped with a visible message, unless
``REQUIRE_BROWSER=1`` is set (as ``.ci/run`` does), in which case it fails.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
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
#: Widths (CSS px) at which every page is checked and photographed: a laptop and a phone.
WIDTHS = (1400, 390)
#: Alt text that only names a file (myst-nb's default is the image's hash file name).
FILE_NAME_ALT = re.compile(r"^[\w.-]*\.(png|svg|jpe?g|gif)$|^[0-9a-f]{32,}", re.IGNORECASE)
#: Smallest scale at which a multi-panel figure's one-column layout may be drawn on a phone.
PHONE_SCALE = 0.6
#: Schemes that never leave the machine.
LOCAL_SCHEMES = (
    "data", "blob", "about", "chrome", "chrome-untrusted", "chrome-extension", "devtools",
)  # fmt: skip


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


def story_pages(toc_file: Path, caption: str = "The story") -> list[str]:
    """HTML paths of the landing page and of the chapters in the part called ``caption``."""
    toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        if part.get("caption") == caption:
            files.extend(ch["file"] for ch in part.get("chapters", []))
    return [f"{f}.html" for f in files]


def foreign_requests(log_entries: list[dict], base: str) -> list[str]:
    """URLs of the requests in a DevTools performance log that go to another host."""
    host = urlparse(base).netloc
    found = []
    for entry in log_entries:
        message = json.loads(entry["message"])["message"]
        if message.get("method") != "Network.requestWillBeSent":
            continue
        url = message["params"]["request"]["url"]
        parsed = urlparse(url)
        if parsed.scheme in LOCAL_SCHEMES or parsed.netloc == host:
            continue
        found.append(url)
    return found


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
        "--window-size=1400,1600",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    server, base = serve(args.html)
    args.screenshots.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    n_images = n_links = n_figures = n_math = n_requests = n_shots = n_layouts = 0
    pages = toc_pages(ROOT / "_toc.yml")
    story = set(story_pages(ROOT / "_toc.yml"))
    try:
        for page in pages:
            driver.set_window_size(WIDTHS[0], 1600)
            driver.get_log("performance")  # drop what earlier pages logged
            driver.get_log("browser")
            driver.get(urljoin(base, page))
            time.sleep(0.2)
            title = driver.title
            if "404" in title or not title:
                problems.append(f"{page}: did not load (title {title!r})")
                continue
            html_source = (args.html / page).read_text(encoding="utf-8", errors="replace")
            if 'class="math' in html_source:
                # MathJax typesets asynchronously; wait until no raw TeX span is left.
                rendered = 0
                for _ in range(100):
                    rendered, raw = driver.execute_script(
                        "return [document.querySelectorAll('mjx-container').length,"
                        " Array.from(document.querySelectorAll('span.math, div.math'))"
                        "  .filter(e => !e.querySelector('mjx-container')).length];"
                    )
                    if rendered and not raw:
                        break
                    time.sleep(0.1)
                n_math += rendered
                if not rendered or raw:
                    problems.append(f"{page}: math not rendered ({raw} raw TeX element(s))")
            body = driver.find_element(By.TAG_NAME, "body").text
            for marker in ERROR_MARKERS:
                if marker in body:
                    problems.append(f"{page}: shows {marker!r}")
            if re.search(r"\\\(|\\\[", body):
                problems.append(f"{page}: shows raw TeX delimiters")
            errors = driver.find_elements(By.CSS_SELECTOR, ".output.error, .output.traceback")
            if errors:
                problems.append(f"{page}: {len(errors)} error output block(s)")
            images = driver.execute_script(
                "return Array.from(document.images)"
                ".map(i => [i.src, i.complete && i.naturalWidth > 0, i.getAttribute('alt')]);"
            )
            for src, ok, alt in images:
                n_images += 1
                if not ok:
                    problems.append(f"{page}: image did not load: {src}")
                name = unquote(urlparse(src).path.rsplit("/", 1)[-1])
                if not alt or not alt.strip() or alt == name or FILE_NAME_ALT.search(alt.strip()):
                    problems.append(f"{page}: image without descriptive alt text: {name}")
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
            if page in story:
                shown = driver.execute_script(
                    "return Array.from(document.querySelectorAll('.cell_input'))"
                    ".filter(e => e.checkVisibility() && !e.closest('details:not([open])'))"
                    ".length;"
                )
                if shown:
                    problems.append(f"{page}: {shown} code cell(s) visible without a click")
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
            for width in WIDTHS:
                driver.set_window_size(width, 1000)
                time.sleep(0.15)
                overflow = driver.execute_script(
                    "const d = document.documentElement;"
                    "return [d.scrollWidth, d.clientWidth, Array.from(document.querySelectorAll("
                    "'.bd-article *')).filter(e => e.getBoundingClientRect().right > d.clientWidth"
                    " + 1 && e.getClientRects().length).slice(0, 3).map(e => e.tagName + '.' +"
                    " e.className)];"
                )
                if overflow[0] > overflow[1] + 1:
                    problems.append(
                        f"{page}: scrolls sideways at {width} px ({overflow[0]} > {overflow[1]};"
                        f" e.g. {', '.join(overflow[2])})"
                    )
                # A table wider than the column scrolls in its box; its caption stays in view.
                clipped = driver.execute_script(
                    "return Array.from(document.querySelectorAll("
                    "'.pst-scrollable-table-container')).filter(c => { const k ="
                    " c.querySelector(':scope > table > caption'); return k &&"
                    " k.getBoundingClientRect().right > c.getBoundingClientRect().right + 1; })"
                    ".map(c => c.querySelector('table').id);"
                )
                for table_id in clipped:
                    problems.append(f"{page}: caption of {table_id!r} out of view at {width} px")
                # Multi-panel figures: side by side on a laptop, one column on a phone, where
                # the image is drawn at PHONE_SCALE of its size or more (retina PNGs carry
                # twice their CSS pixels), so that its text stays readable.
                layouts = driver.execute_script(
                    "return Array.from(document.querySelectorAll('figure.two-layouts')).map(f =>"
                    " { const s = Array.from(f.querySelectorAll('img'))"
                    ".filter(i => i.checkVisibility());"
                    " return [f.id, s.length, s.filter(i => i.closest('figure.phone-layout'))"
                    ".length, s.length ? 2 * s[0].getBoundingClientRect().width"
                    " / s[0].naturalWidth : 0]; });"
                )
                phone = width < 640
                for fig_id, n_shown, n_phone, scale in layouts:
                    n_layouts += 1
                    if n_shown != 1 or n_phone != int(phone):
                        problems.append(
                            f"{page}: figure {fig_id!r} at {width} px shows {n_shown} image(s),"
                            f" {n_phone} of them the one-column layout"
                        )
                    elif phone and scale < PHONE_SCALE:
                        problems.append(
                            f"{page}: figure {fig_id!r} drawn at {scale:.2f} of its size at"
                            f" {width} px (at least {PHONE_SCALE} wanted)"
                        )
                for mode in ("light", "dark"):
                    driver.execute_script(
                        "document.documentElement.dataset.theme = arguments[0];"
                        "document.documentElement.dataset.mode = arguments[0];",
                        mode,
                    )
                    height = driver.execute_script("return document.body.scrollHeight")
                    driver.set_window_size(width, min(max(int(height), 800), 16000))
                    time.sleep(0.15)
                    driver.save_screenshot(str(args.screenshots / f"{name}_{width}_{mode}.png"))
                    n_shots += 1
                    driver.set_window_size(width, 1000)
            for entry in driver.get_log("browser"):
                if entry.get("level") == "SEVERE":
                    problems.append(f"{page}: console error: {entry.get('message', '')[:200]}")
            log = driver.get_log("performance")
            n_requests += sum('"Network.requestWillBeSent"' in e["message"] for e in log)
            for url in foreign_requests(log, base):
                problems.append(f"{page}: request to another host: {url}")

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
        for url in foreign_requests(driver.get_log("performance"), base):
            problems.append(f"search.html: request to another host: {url}")
    finally:
        driver.quit()
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)

    for problem in problems:
        print(f"PROBLEM {problem}")
    print(
        f"browser check: {len(pages)} pages ({len(story)} story), {n_figures} figures "
        f"({n_layouts} checks of two-layout figures), "
        f"{n_images} images, {n_math} typeset formulas, {n_links} internal links, "
        f"{n_requests} requests (all to {urlparse(base).netloc}) , "
        f"search hits for {args.search_term!r}: {found}; {len(problems)} problems; "
        f"{n_shots} screenshots in {args.screenshots}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
