// The web editor writes practice files in house style: the same rules, in the same order, as
// catalogue/content/house_style.py (tests/test_web_editor.py checks that both give the same
// bytes). Field order and kinds come from the generated config.yml.
"use strict";

window.CMS_MANUAL_INIT = true; // start.js starts Decap once this format is registered

window.HouseStyle = (() => {
  const SCHEMA_LINE = "# yaml-language-server: $schema=../practice.schema.json";
  const WS = "[ \\t\\n\\r\\f\\v\\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]";
  const INDICATOR = new RegExp(`^(?:[-?:,\\[\\]{}#&*!|>'"%@\`]|${WS})`, "u");
  const EDGE_SPACE = new RegExp(`^${WS}|${WS}$`, "u");
  const MISREAD = new RegExp(
    "^(?:y|n|yes|no|on|off|true|false|null|~|=|<<" +
      "|[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?" +
      "|[-+]?\\.(?:inf|nan)|0[xXoObB][0-9a-fA-F_]+" +
      "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \\t].*)?" +
      "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?)$",
    "iu",
  );
  const FLOW_BREAKERS = /[,:?[\]{}]/u;
  const UNSAFE = /[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]|[\u2028\u2029\ufeff]/gu;
  const ESCAPES = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t" };
  const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

  function isPlain(text, inFlow = false) {
    UNSAFE.lastIndex = 0;
    return Boolean(
      text &&
        !INDICATOR.test(text) &&
        !EDGE_SPACE.test(text) &&
        !text.includes("\t") &&
        !text.includes("\n") &&
        !UNSAFE.test(text) &&
        !text.includes(": ") &&
        !text.includes(" #") &&
        !text.endsWith(":") &&
        !MISREAD.test(text) &&
        !(inFlow && FLOW_BREAKERS.test(text)),
    );
  }

  function quoted(text) {
    const escaped = text.replace(/[\\"\n\t]/g, (c) => ESCAPES[c]);
    const hex = (c) => "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return '"' + escaped.replace(UNSAFE, hex) + '"';
  }

  function scalar(value, inFlow = false, kind = "") {
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") return String(value);
    const text = String(value);
    if (kind === "date" && DATE.test(text)) return text;
    return isPlain(text, inFlow) ? text : quoted(text);
  }

  function isEmpty(value) {
    if (value === undefined || value === null || value === "") return true;
    if (Array.isArray(value)) return value.every(isEmpty);
    if (typeof value === "object") return Object.values(value).every(isEmpty);
    return false;
  }

  function ordered(mapping, order) {
    const known = order.filter((key) => key in mapping).map((key) => [key, mapping[key]]);
    return known.concat(Object.entries(mapping).filter(([key]) => !order.includes(key)));
  }

  function mappingLines(mapping, order, indent) {
    return ordered(mapping, order)
      .filter(([, value]) => !isEmpty(value))
      .map(([key, value]) => `${indent}${key}: ${scalar(value)}`);
  }

  function fieldLines(name, value, layout) {
    const kind = layout.kinds[name] || "";
    if (kind === "mapping") return [`${name}:`, ...mappingLines(value, layout.keys[name], "  ")];
    if (kind === "records") {
      const lines = [`${name}:`];
      for (const item of value) {
        const itemLines = isEmpty(item) ? [] : mappingLines(item, layout.keys[name], "    ");
        if (itemLines.length) lines.push("  - " + itemLines[0].trimStart(), ...itemLines.slice(1));
      }
      return lines;
    }
    if (Array.isArray(value)) return [`${name}: [` + value.map((item) => scalar(item, true)).join(", ") + "]"];
    return [`${name}: ${scalar(value, false, kind)}`];
  }

  /** How config.yml's fields are written: order, kinds, and the order of nested keys. */
  function layoutFrom(fields) {
    const layout = { order: [], kinds: {}, keys: {}, required: new Set() };
    for (const field of fields) {
      if (field.name === "body") continue;
      layout.order.push(field.name);
      if (field.required) layout.required.add(field.name);
      if (field.widget === "datetime") layout.kinds[field.name] = "date";
      if (field.widget === "object") layout.kinds[field.name] = "mapping";
      if (field.widget === "list" && field.fields) layout.kinds[field.name] = "records";
      if (field.fields) layout.keys[field.name] = field.fields.map((sub) => sub.name);
    }
    return layout;
  }

  // Paragraphs that begin as a list item does in a word processor are saved as list items,
  // and such paragraphs in a row as one list: a typed "- " or "* ", which the rich-text editor
  // keeps as text ("\- "), and a bullet or a number pasted from Word ("·", "•", "1." with
  // no-break spaces after it). A typed "1. " the editor saves as a list already. These rules
  // are the web editor's own: in a file written by hand, "\- " means a dash. The bullets are
  // text_lists.BULLETS but dashes (a test compares).
  const PASTED_BULLETS = "•◦▪▫‣·∙●○■□►▶➢✓✔\uf0b7\uf0a7";
  const ITEM_START = new RegExp(
    `^(?:\\\\[-*] +|[${PASTED_BULLETS}][ \\u00a0]+|([0-9]{1,3})[.)]\\u00a0[ \\u00a0]*)`,
    "u",
  );

  function listItem(paragraph) {
    const start = ITEM_START.exec(paragraph);
    if (!start) return null;
    const [mark, kind] = start[1] ? [`${start[1]}. `, "numbered"] : ["- ", "bulleted"];
    return { kind, text: mark + paragraph.slice(start[0].length) };
  }

  function typedLists(body) {
    const parts = [];
    let before = "";
    for (const paragraph of body.split("\n\n")) {
      const item = listItem(paragraph);
      if (parts.length) parts.push(item && item.kind === before ? "\n" : "\n\n");
      parts.push(item ? item.text : paragraph);
      before = item ? item.kind : "";
    }
    return parts.join("");
  }

  // A list inside a list item the rich-text editor indents by its item's mark ("* " two
  // spaces, "1. " three), and so its paragraphs; the site's Markdown nests them in the item
  // only four spaces in, and made the rest items and paragraphs of the outer list. Each line
  // inside an item is saved four spaces further in than the item's mark; one indented that
  // far already (a file written by hand) stays as it is. The next item of the outer list gets
  // an empty line above it, or the site's Markdown would take it into the list just left.
  const LIST_MARK = /^(?:[*+-]|[0-9]{1,9}[.)]) +/;
  const FENCE = /^ *(?:```|~~~)/;

  function nestedLists(body) {
    const items = []; // the list items the line may be inside: columns of mark and text, in and out
    const lines = [];
    let fenced = false;
    for (const line of body.split("\n")) {
      fenced = FENCE.test(line) ? !fenced : fenced;
      const rest = line.trimStart();
      if (fenced || !rest) {
        lines.push(line);
        continue;
      }
      const indent = line.length - rest.length;
      let leftMoved = false;
      while (items.length && indent < items[items.length - 1].text) {
        const left = items.pop();
        leftMoved = leftMoved || left.moved;
      }
      const item = items[items.length - 1];
      const out = item ? item.out + 4 + Math.max(0, indent - Math.max(item.text, item.mark + 4)) : indent;
      const mark = LIST_MARK.exec(rest);
      if (mark) {
        items.push({ mark: indent, text: indent + mark[0].length, out, moved: out !== indent });
        if (leftMoved && lines.length && lines[lines.length - 1].trim()) lines.push("");
      }
      lines.push(" ".repeat(out) + rest);
    }
    return lines.join("\n");
  }

  // A line break (Shift+Enter) the rich-text editor writes as a backslash at the line's end,
  // which the site's Markdown shows as a backslash; it is saved as two spaces there, the line
  // break of the site's Markdown.
  const BACKSLASH_BREAK = /(?<!\\)((?:\\\\)*)\\\n/g;

  function format(data, layout) {
    const { body = "", ...front } = data;
    const lines = [SCHEMA_LINE];
    for (const [name, value] of ordered(front, layout.order)) {
      if (isEmpty(value) && !layout.required.has(name)) continue;
      lines.push(...fieldLines(name, isEmpty(value) ? "" : value, layout));
    }
    const text = nestedLists(typedLists(String(body)))
      .replace(BACKSLASH_BREAK, "$1  \n")
      .replace(/[ \t\n]*$/, "\n");
    return "---\n" + lines.join("\n") + "\n---\n" + (text === "\n" ? "" : text);
  }

  function parse(text) {
    const source = text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
    if (!source.startsWith("---\n")) return { body: source };
    const end = source.indexOf("\n---", 3);
    const closing = end < 0 ? source.length : end;
    const data = window.jsyaml.load(source.slice(4, closing), { schema: window.jsyaml.CORE_SCHEMA }) || {};
    const rest = end < 0 ? "" : source.slice(end + 4);
    return { ...data, body: rest.startsWith("\n") ? rest.slice(1) : rest };
  }

  function formatter(fields) {
    const layout = layoutFrom(fields);
    return { fromFile: parse, toFile: (data) => format(data, layout) };
  }

  return { isPlain, scalar, format, parse, layoutFrom, formatter, PASTED_BULLETS };
})();
