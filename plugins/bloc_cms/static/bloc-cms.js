// The site's additions to Decap CMS, loaded after decap-cms.js (which defines CMS, h and
// createClass) and js-yaml.min.js (jsyaml). The build puts BLOC_TRANSLATED first: which
// fields an English file may carry, generated from the content model.
(function () {
  "use strict";
  var NAMES = { vi: "Tiếng Việt", en: "English" };
  var TRANSLATED = window.BLOC_TRANSLATED || {};

  // `lang` must say the file's language (vi in index.vi.md, en in index.en.md). Decap has no
  // per-language default, so this widget writes the language of the pane it is shown in.
  var LangControl = window.createClass({
    componentDidMount: function () {
      if (this.props.locale && this.props.value !== this.props.locale) {
        this.props.onChange(this.props.locale);
      }
    },
    render: function () {
      var locale = this.props.value || this.props.locale || "";
      return window.h("output", { id: this.props.forID, className: this.props.classNameWrapper },
        (NAMES[locale] || locale) + " (" + locale + ")");
    },
  });
  var LangPreview = window.createClass({
    render: function () { return window.h("span", {}, this.props.value || ""); },
  });
  window.CMS.registerWidget("bloc-lang", LangControl, LangPreview);

  // Front matter as the site reads it. Decap's own YAML writer drops comments and restyles
  // every line, and its hidden widgets leave empty values and the original's facts in the
  // English file. This format writes only what was given, leaves facts to the Vietnamese
  // file, and gives back a file unchanged, byte for byte, when its values did not change.
  var SCHEMA = window.jsyaml.CORE_SCHEMA; // dates stay text: '+07:00' is kept as written
  var originals = {}; // canonical JSON of a file's values -> its text as read

  function isEmpty(value) {
    return value === null || value === undefined || value === "" ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0);
  }

  function clean(value) {
    if (Array.isArray(value)) {
      return value.map(clean).filter(function (v) { return !isEmpty(v); });
    }
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (key) {
        var v = clean(value[key]);
        if (!isEmpty(v)) out[key] = v;
      });
      return out;
    }
    return value;
  }

  // Keep only what `shape` allows: true keeps a whole value, an object keeps its keys,
  // a one-item array applies its shape to every item of a list.
  function prune(value, shape) {
    if (shape === true) return value;
    if (Array.isArray(shape)) {
      return Array.isArray(value) ? value.map(function (v) { return prune(v, shape[0]); }) : undefined;
    }
    if (!value || typeof value !== "object") return undefined;
    var out = {};
    Object.keys(value).forEach(function (key) {
      if (key in shape) {
        var v = prune(value[key], shape[key]);
        if (v !== undefined) out[key] = v;
      }
    });
    return out;
  }

  function canonical(value) {
    if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
    if (value && typeof value === "object") {
      return "{" + Object.keys(value).sort().map(function (k) {
        return JSON.stringify(k) + ":" + canonical(value[k]);
      }).join(",") + "}";
    }
    return JSON.stringify(value);
  }

  function split(text) {
    var match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
    if (!match) return { front: "", body: text };
    return { front: match[1], body: match[2].replace(/^\r?\n/, "") };
  }

  function fromFile(text) {
    var parts = split(text);
    var data = parts.front ? window.jsyaml.load(parts.front, { schema: SCHEMA }) || {} : {};
    data.body = parts.body;
    originals[canonical(clean(data))] = text;
    return data;
  }

  function toFile(data) {
    var values = clean(JSON.parse(JSON.stringify(data)));
    if (values.lang && values.lang !== "vi") {
      var words = values.body;
      values = clean(prune(values, TRANSLATED));
      if (words) values.body = words;
    }
    var key = canonical(values);
    if (Object.prototype.hasOwnProperty.call(originals, key)) return originals[key];
    var body = values.body || "";
    delete values.body;
    var front = window.jsyaml.dump(values, { schema: SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"' });
    return "---\n" + front + "---\n\n" + body.replace(/\s*$/, "\n");
  }

  window.CMS.registerCustomFormat("bloc-frontmatter", "md", { fromFile: fromFile, toFile: toFile });
})();
