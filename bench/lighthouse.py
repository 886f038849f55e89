"""Lighthouse over every public page type in both languages; fails below 95 in any category.

    npm ci                                   # Lighthouse, pinned in package.json / package-lock.json
    .venv/bin/python bench/lighthouse.py     # about 4-5 minutes on 2 cores
    .venv/bin/python bench/lighthouse.py --languages km --pages campaign --keep-reports /tmp/lh

The demo site is built afresh (SQLite in a temporary folder: migrate, seed_demo, collectstatic) and
served as in production (production settings, gunicorn with the site's gunicorn.conf.py, static
files by whitenoise with hashed names; uploaded images through Django, as a web server would serve
them) on 127.0.0.1. Lighthouse runs against Debian's Chromium (``CHROME_PATH``, default
/usr/bin/chromium; headless, no sandbox, no GPU; one browser for every page, Lighthouse connecting by
port) with its default mobile profile: a phone screen, simulated slow 4G and a 4x CPU slowdown. The
browser has Noto Sans Khmer as a font of its own, as the phones of our readers do (``phone_fonts``).
Each page is loaded once to fill the page cache (as for any reader after the first), then audited.
The four category scores are printed per page with the audits that cost points, and the exit status
is 1 when any score is under ``--minimum`` (95). CI runs it after the suite (.ci/run).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _setup import ROOT, Gunicorn, free_port, production_demo_site

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Audits left out on a page type, and why. Search results say `noindex` on purpose: a site's own search
# results are not for search engines (Google's guidelines), and the address holds what someone searched.
SKIPPED = {"search results": ["is-crawlable"]}
ATTEMPTS = 2  # Lighthouse asks to be run again when a trace fails (NO_NAVSTART, NO_FCP) on a busy machine
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"


def sample_paths(env, languages):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from home.public_pages import all_sample_paths

    return all_sample_paths(languages)


FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def phone_fonts(folder):
    """A fontconfig file giving Chromium Noto Sans Khmer as a font of its own, as every Android phone since
    5.0 has it: the copy the lesson kit PDFs use (campaigns/fonts, TrueType) is the same font. Without
    it a Chromium on a machine with no Khmer font fetches the web font and lays Khmer text out again when
    it arrives (docs/performance.md)."""
    path = folder / "fonts.conf"
    path.write_text(FONTCONFIG.format(fonts=ROOT / "campaigns" / "fonts", cache=folder / "font-cache"))
    return path


class Chromium:
    """One headless Chromium for every audit (Lighthouse connects to it by port), started and stopped here."""

    def __init__(self, chrome, folder):
        self.port = free_port()
        self.command = [
            chrome,
            *CHROME_FLAGS.split(),
            f"--remote-debugging-port={self.port}",
            f"--user-data-dir={folder / 'profile'}",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "about:blank",
        ]
        self.env = {**os.environ, "FONTCONFIG_FILE": str(phone_fonts(folder))}

    def __enter__(self):
        self.process = subprocess.Popen(
            self.command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/version", timeout=2).read()
                return self.port
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("Chromium did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def lighthouse(url, report_path, port, skipped=()):
    """Lighthouse's JSON report of ``url`` (mobile, simulated throttling: its defaults) in the Chromium at ``port``."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report_path}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--port={port}",
        "--max-wait-for-load=60000",
    ]
    if skipped:
        command.append(f"--skip-audits={','.join(skipped)}")
    for attempt in range(1, ATTEMPTS + 1):
        Path(report_path).unlink(missing_ok=True)
        completed = subprocess.run(command, capture_output=True, text=True, timeout=300)
        if not completed.returncode and Path(report_path).exists():
            return json.loads(Path(report_path).read_text())
        print(f"    lighthouse failed on {url} (attempt {attempt}): {completed.stderr.strip()[-300:]}", flush=True)
    raise RuntimeError(f"lighthouse failed {ATTEMPTS} times on {url}")


def lost_points(report, category):
    """Audits of ``category`` that scored under 1, as "id (score)"."""
    audits = report["audits"]
    lost = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
            lost.append(f"{ref['id']} ({audit['score']:.2f})")
    return lost


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--languages", default="km,en", help="comma-separated (default km,en)")
    parser.add_argument("--pages", nargs="*", help="page types to audit (default: all)")
    parser.add_argument("--minimum", type=int, default=95, help="lowest score allowed in each category (95)")
    parser.add_argument("--keep-reports", type=Path, help="write each JSON report to this folder")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("bench/lighthouse.py needs Lighthouse: run `npm ci` in the project folder")
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not Path(chrome).exists():
        sys.exit(f"bench/lighthouse.py needs Chromium at {chrome} (apt-get install chromium, or set CHROME_PATH)")

    started = time.time()
    print("Building the demo site ...", flush=True)
    env = production_demo_site("lighthouse", serve_media=True)
    pages = [
        (name, language, path)
        for name, language, path in sample_paths(env, args.languages.split(","))
        if not args.pages or name in args.pages
    ]
    reports = args.keep_reports or Path(tempfile.mkdtemp(prefix="lighthouse-"))
    reports.mkdir(parents=True, exist_ok=True)
    failures = []
    header = f"{'page':18} {'lang':4} " + " ".join(f"{c[:14]:>14}" for c in CATEGORIES)
    browser = Chromium(chrome, Path(tempfile.mkdtemp(prefix="lighthouse-chromium-")))
    with Gunicorn("awareness_site.wsgi", ROOT, env, ready_path="/km/", log_name="lighthouse") as site, browser as port:
        print(header, flush=True)
        for name, language, path in pages:
            url = site + path
            urllib.request.urlopen(url, timeout=60).read()  # the page cache filled, as for any later reader
            report_path = reports / f"{name.replace(' ', '-')}-{language}.json"
            report = lighthouse(url, report_path, port, SKIPPED.get(name, ()))
            scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
            runs = [scores]
            if min(scores.values()) < args.minimum:
                # Performance varies from run to run on a shared machine: as Lighthouse's own advice
                # has it, a page under the bar is run again and the median of three runs is its score.
                for _ in range(2):
                    again = lighthouse(url, report_path, port, SKIPPED.get(name, ()))
                    runs.append({c: round(100 * (again["categories"][c]["score"] or 0)) for c in CATEGORIES})
                scores = {c: statistics.median(run[c] for run in runs) for c in CATEGORIES}
            print(f"{name:18} {language:4} " + " ".join(f"{scores[c]:>14}" for c in CATEGORIES), flush=True)
            if len(runs) > 1:
                print("    runs: " + "; ".join(" ".join(str(run[c]) for c in CATEGORIES) for run in runs), flush=True)
            for category in CATEGORIES:
                if scores[category] < args.minimum:
                    lost = ", ".join(lost_points(report, category))
                    failures.append(f"{name} ({language}) {category} {scores[category]}: {lost}")
                    print(f"    {category} under {args.minimum}: {lost}", flush=True)
    print(f"\n{len(pages)} pages in {time.time() - started:.0f} s; reports in {reports}")
    if failures:
        print(f"{len(failures)} scores under {args.minimum}:")
        print("\n".join("  " + failure for failure in failures))
        sys.exit(1)
    print(f"Every category of every page scored {args.minimum} or more.")


if __name__ == "__main__":
    main()
