// A button that copies a practice's permanent link, for people who link to it from their
// own material. Without JavaScript (or clipboard access) the link itself stays visible.
for (const button of document.querySelectorAll("[data-copy]")) {
  if (!navigator.clipboard) continue;
  const status = button.closest("div").querySelector(".copy-status");
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copy);
      status.textContent = button.dataset.copied;
    } catch (error) {
      console.error(error);
    }
  });
}
