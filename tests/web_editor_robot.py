"""Filling the web editor's form (/admin/, Decap CMS) in Chromium the way an editor does:
by the labels on the screen (its Finnish interface), with clicks and typing."""

from __future__ import annotations

import re
from typing import Any

FI, SV = 0, 1
"""The form's columns: Finnish on the left, Swedish on the right."""


class EditorForm:
    def __init__(self, page: Any) -> None:
        self.page = page

    def field(self, name: str, column: int = FI, within: Any = None) -> Any:
        """The control of a field (or of a field inside `within`), by the field's name."""
        scope = within if within is not None else self.page
        label = f'> div > label[for^="{name}-field-"]'
        return scope.locator(f'[aria-label$="-kenttä"]:has({label})').nth(column)

    def type_text(self, name: str, text: str, column: int = FI, within: Any = None) -> None:
        self.field(name, column, within).locator("input, textarea").first.fill(text)

    def choose(self, name: str, *options: str) -> None:
        """Pick options of a select list by typing the start of their label."""
        control = self.field(name).locator("input").first
        for option in options:
            control.click()
            control.fill(option)
            self.page.get_by_role("option").filter(has_text=option).first.click()

    def add_to_list(self, name: str, text: str, column: int = FI) -> None:
        field = self.field(name, column)
        field.get_by_role("button", name=re.compile("^Lisää: ")).click()
        field.locator("input").last.fill(text)

    def set_date(self, name: str, iso_date: str) -> None:
        self.field(name).locator("input").first.fill(iso_date)

    def write_body(self, heading: str, paragraph: str, column: int = FI) -> list[str]:
        """The text: a heading and a paragraph, typed in the rich-text editor. Returns the
        heading levels its menu offered."""
        field = self.field("body", column)
        field.locator('[contenteditable="true"]').click()
        self.page.keyboard.type(heading)
        field.get_by_role("button", name="Otsikot").click()
        offered = [text.strip() for text in self.page.get_by_role("menuitem").all_inner_texts()]
        self.page.get_by_role("menuitem", name="Otsikko 2").click()
        self.page.keyboard.press("End")
        self.page.keyboard.press("Enter")
        self.page.keyboard.type(paragraph)
        return offered

    def new_paragraph_after(self, paragraph: str, column: int = FI) -> None:
        """Put the cursor in a new paragraph of the text, below `paragraph` (clicked after its
        last letter, then Enter)."""
        text = self.field("body", column).get_by_text(paragraph)
        text.click(position={"x": text.bounding_box()["width"] - 1, "y": 5})
        self.page.keyboard.press("Enter")

    def publish(self) -> None:
        self.page.get_by_role("button", name="Julkaise").first.click()
        self.page.get_by_text("Julkaise nyt").click()
        self.page.get_by_text("Muutokset tallennettu").wait_for()
