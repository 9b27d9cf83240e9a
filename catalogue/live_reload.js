// Development only: `build.py serve` adds this module to every page it serves. It reloads
// the page after a rebuild and shows a failed build over the (last good) page.
const base = new URL(".", import.meta.url).pathname;
const since = new URL(import.meta.url).searchParams.get("since") ?? "";  // the build the page is from
const events = new EventSource(`${base}__events?since=${since}`);

events.addEventListener("reload", () => location.reload());
events.addEventListener("failed", (event) => show(JSON.parse(event.data)));

function show(lines) {
  let panel = document.getElementById("build-problems");
  if (!panel) {
    panel = document.createElement("section");
    panel.id = "build-problems";
    panel.setAttribute("role", "alert");
    panel.lang = "en";
    Object.assign(panel.style, {
      position: "fixed", inset: "auto 0 0 0", maxHeight: "50vh", overflow: "auto", zIndex: "1000",
      background: "#fff5f5", color: "#5a0b0b", borderTop: "4px solid #b3261e", padding: "1rem 1.25rem",
      font: "14px/1.5 ui-monospace, monospace", whiteSpace: "pre-wrap",
    });
    document.body.append(panel);
  }
  const heading = document.createElement("strong");
  heading.textContent = "The site was not rebuilt; this is the last good version. Problems:";
  panel.replaceChildren(heading, document.createTextNode(`\n${lines.join("\n")}`));
}
