// Starts Decap CMS with the generated config.yml and the house-style file format. On the
// editor's own machine (`python build.py serve`), the CMS saves through the local back end
// at /api/v1 instead of GitHub, without an account.
"use strict";

function merged(base, additions) {
  const result = { ...base };
  for (const [key, value] of Object.entries(additions)) {
    result[key] = typeof value === "object" ? merged(base[key] || {}, value) : value;
  }
  return result;
}

(async () => {
  const response = await fetch("config.yml", { cache: "no-cache" });
  const config = window.jsyaml.load(await response.text(), { schema: window.jsyaml.CORE_SCHEMA });
  const [practices] = config.collections;
  window.CMS.registerCustomFormat("practice", "md", window.HouseStyle.formatter(practices.fields));
  window.CMS.registerLocale("fi", window.DECAP_LOCALE_FI);
  window.CMS.registerLocale("sv", merged(window.CMS.getLocale("sv"), window.DECAP_LOCALE_SV_ADDITIONS));
  config.locale = (navigator.language || "").toLowerCase().startsWith("sv") ? "sv" : "fi";
  document.documentElement.lang = config.locale;
  config.local_backend = { url: new URL("../api/v1", location.href).href };
  window.CMS.init({ config: { ...config, load_config_file: false } });
})();
