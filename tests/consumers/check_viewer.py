"""Opens textkg's HTML viewer in headless Chromium through WebDriver and
checks what a reader sees: every node and edge of the graph drawn, no
console error, no request beyond the file itself, and, when asked, that
clicking a node lists its mentions, clicking an edge shows its evidence with
both ends marked, that search and the type filter change what is drawn, and
that the URL fragment reopens the view.

usage: check_viewer.py HTML EXPECTED_JSON [--click LABEL --mention TEXT]
       [--search TEXT] [--screenshot PNG] [--timeout SECONDS]
"""

import argparse
import json
import pathlib
import shutil
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from common import fail

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,900", "--hide-scrollbars"]


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


def drawn(driver):
    return driver.execute_script("return window.textkgViewer.drawn()")


def drawn_when(driver, settled, timeout=10):
    """The drawn counts once `settled(counts)` holds, or after `timeout`
    seconds: the page redraws after an input event, not within it."""
    try:
        WebDriverWait(driver, timeout).until(lambda d: settled(drawn(d)))
    except TimeoutException:
        pass
    return drawn(driver)


def open_page(driver, url, timeout):
    driver.get(url)
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def click_element(driver, element_id, kind):
    """Clicks the drawn node or edge with a real pointer, where it is on screen."""
    point = driver.execute_script(
        """const cy = window.textkgViewer.cy, el = cy.getElementById(arguments[0]);
           cy.zoom(1.2); cy.center(el);
           const p = arguments[1] === 'node' ? el.renderedPosition() : el.renderedMidpoint();
           const box = cy.container().getBoundingClientRect();
           return [p.x, p.y, box.width, box.height];""", element_id, kind)
    x, y, width, height = point
    time.sleep(0.3)
    container = driver.find_element(By.ID, "graph")
    ActionChains(driver).move_to_element_with_offset(
        container, int(x - width / 2), int(y - height / 2)).click().perform()
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "panel").is_displayed())


def marks(driver, which=None):
    css = "#details mark" + ("" if which is None else (".target" if which else ":not(.target)"))
    return [m.text for m in driver.find_elements(By.CSS_SELECTOR, css)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("html")
    parser.add_argument("expected")
    parser.add_argument("--click")
    parser.add_argument("--mention")
    parser.add_argument("--search")
    parser.add_argument("--screenshot")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    graph = json.loads(pathlib.Path(args.expected).read_text(encoding="utf-8"))
    nodes, edges = graph["nodes"], graph["edges"]
    url = pathlib.Path(args.html).resolve().as_uri()
    report = []

    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        try:
            started = time.monotonic()
            open_page(driver, url, args.timeout)
            loaded = time.monotonic() - started
            ready_ms, timings = driver.execute_script(
                "return [window.textkgViewer.readyAfterMs, window.textkgViewer.timings]")
            report.append(f"load {loaded:.2f} s (drawn {ready_ms / 1000:.2f} s after the script "
                          f"ran: {timings['cytoscape'] / 1000:.2f} s building, "
                          f"{timings['filters'] / 1000:.2f} s filtering)")
            counts = drawn(driver)
            if counts != {"nodes": len(nodes), "edges": len(edges)}:
                fail(f"drawn {counts}, but the graph has {len(nodes)} nodes and {len(edges)} edges")

            if args.click:
                node = next((n for n in nodes if n["label"] == args.click), None)
                if node is None:
                    fail(f"no node labelled {args.click!r} in {args.expected}")
                click_element(driver, node["id"], "node")
                heading = driver.find_element(By.CSS_SELECTOR, "#details h2").text
                items = driver.find_elements(By.CSS_SELECTOR, "#details li")
                shown = marks(driver)
                if heading != args.click or len(items) != len(node["mentions"]):
                    fail(f"clicking {args.click!r} showed {heading!r} with {len(items)} mentions, "
                         f"not {len(node['mentions'])}")
                if sorted(shown) != sorted(m["text"] for m in node["mentions"]):
                    fail(f"highlighted mentions {shown} differ from the graph's")
                if args.mention and args.mention not in shown:
                    fail(f"{args.mention!r} is not among the mentions of {args.click!r}: {shown}")
                report.append(f"{args.click}: {len(items)} mentions")
                Select(driver.find_element(By.ID, "hops")).select_by_value("1")
                near = {node["id"]}
                for e in edges:
                    if node["id"] in (e["source"], e["target"]):
                        near.update((e["source"], e["target"]))
                counts = drawn_when(driver, lambda c: c["nodes"] == len(near))
                if counts["nodes"] != len(near):
                    fail(f"one hop around {args.click!r} drew {counts}, not {len(near)} nodes")
                Select(driver.find_element(By.ID, "hops")).select_by_value("0")
                report.append(f"one hop: {len(near)} nodes")
                if args.screenshot:
                    driver.execute_script(
                        "const cy = window.textkgViewer.cy; cy.fit(cy.elements(':visible'), 30)")
                    time.sleep(0.5)
                    driver.save_screenshot(args.screenshot)

                edge = next((e for e in edges
                             if node["id"] in (e["source"], e["target"]) and e["kind"] != "co-mention"),
                            None)
                if edge is not None:
                    click_element(driver, edge["id"], "edge")
                    labels = {n["id"]: n["label"] for n in nodes}
                    heading = driver.find_element(By.CSS_SELECTOR, "#details h2").text
                    want = f"{labels[edge['source']]} → {labels[edge['target']]}"
                    details = driver.find_element(By.ID, "details").text
                    if heading != want or edge["label"] not in details:
                        fail(f"clicking edge {edge['id']} showed {heading!r}, not {want!r}")
                    evidence = driver.find_elements(By.CSS_SELECTOR, "#details li")
                    if [li.text for li in evidence] != [e["text"] for e in edge["evidence"]]:
                        fail("the evidence shown differs from the graph's")
                    if not marks(driver, 0) or not marks(driver, 1):
                        fail(f"evidence of {edge['id']} does not mark both ends: {marks(driver)}")
                    report.append(f"edge {want}: {len(evidence)} evidence sentences")
                driver.find_element(By.ID, "close").click()

            if args.search:
                box = driver.find_element(By.ID, "search")
                box.send_keys(args.search)
                needle = args.search.lower()
                matching = {n["id"] for n in nodes if needle in n["label"].lower()
                            or any(needle in a.lower() for a in n["aliases"])}
                near = set(matching)
                for e in edges:
                    if e["source"] in matching or e["target"] in matching:
                        near.update((e["source"], e["target"]))
                counts = drawn_when(driver, lambda c: c["nodes"] == len(near))
                if not matching or counts["nodes"] != len(near) or counts["nodes"] >= len(nodes):
                    fail(f"search {args.search!r} drew {counts}; expected {len(near)} nodes")
                fragment = driver.execute_script("return location.hash")
                if "q=" not in fragment:
                    fail(f"the search is not kept in the URL fragment: {fragment!r}")
                reopened = url + fragment
                driver.get("about:blank")
                open_page(driver, reopened, args.timeout)
                reopened_counts = drawn_when(driver, lambda c: c == counts)
                if reopened_counts != counts or box_value(driver) != args.search:
                    fail(f"reopening {fragment!r} drew {reopened_counts}, not {counts}")
                report.append(f"search {args.search!r}: {counts['nodes']} nodes; fragment {fragment}")
                open_page(driver, url, args.timeout)

            driver.find_element(By.ID, "isolated").click()
            linked = {end for e in edges for end in (e["source"], e["target"])}
            want = {"nodes": len(linked), "edges": len(edges)}
            counts = drawn_when(driver, lambda c: c == want)
            if counts != want:
                fail(f"hiding nodes without edges drew {counts}, not {len(linked)} nodes")
            driver.find_element(By.ID, "isolated").click()

            types = sorted({n["type"] for n in nodes})
            if len(types) > 1:
                hidden = types[0]
                driver.find_element(By.CSS_SELECTOR, f"#types input[value='{hidden}']").click()
                kept = {n["id"] for n in nodes if n["type"] != hidden}
                want = {"nodes": len(kept),
                        "edges": sum(e["source"] in kept and e["target"] in kept for e in edges)}
                counts = drawn_when(driver, lambda c: c == want)
                if counts != want:
                    fail(f"hiding {hidden} drew {counts}, expected {want}")
                report.append(f"without {hidden}: {want['nodes']} nodes, {want['edges']} edges")

            errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
            if errors:
                fail(f"console errors: {errors}")
            requests = []
            for entry in driver.get_log("performance"):
                message = json.loads(entry["message"])["message"]
                if message["method"] == "Network.requestWillBeSent":
                    requests.append(message["params"]["request"]["url"])
            # chrome:// requests are the browser's own start page, not the network.
            local = ("file:", "data:", "about:", "blob:", "chrome:")
            outside = [r for r in requests if not r.startswith(local)]
            if outside:
                fail(f"the page made network requests: {outside}")
            scripts = driver.execute_script("return document.scripts.length")
            if scripts != 3:
                fail(f"the page holds {scripts} script elements, not 3")
        finally:
            driver.quit()
    print("ok: viewer; " + "; ".join(report))


def box_value(driver):
    return driver.find_element(By.ID, "search").get_attribute("value")


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except Exception as error:  # a WebDriver failure is a failed check, with its message
        print(f"FAIL: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
