// A table that scrolls sideways keeps its column of row headings in view (position: sticky,
// set by the class given here). A cell reached by keyboard would stop under that column,
// partly hidden, where the browser sees nothing to scroll: scroll it out from under the
// column (WCAG 2.4.11). Without JavaScript the column scrolls with the table, as any other,
// and hides no cell.
for (const scroller of document.querySelectorAll("[data-sticky-column]")) {
  scroller.classList.add("sticky-column");
  scroller.addEventListener("focusin", (event) => {
    const cell = event.target.closest("td");
    const heading = cell?.parentElement.querySelector("th");
    if (!heading) return;
    const hidden = heading.getBoundingClientRect().right - cell.getBoundingClientRect().left;
    if (hidden > 0) scroller.scrollLeft -= hidden;
  });
}
