// The site's additions to Decap CMS, loaded after decap-cms.js (which defines CMS, h and
// createClass) and js-yaml.min.js (jsyaml). The build puts BLOC_TRANSLATED first: which
// fields an English file may carry, generated from the content model.
(function () {
  "use strict";
  var NAMES = { vi: "Tiếng Việt", en: "English" };
  var TRANSLATED = window.BLOC_TRANSLATED || {};
  // Every field name of the forms, in the forms' (the content model's) order.
  var FIELD_ORDER = window.BLOC_FIELD_ORDER || [];
  // dotted path -> literals: a field holding a literal or a list ("all", or ids).
  var LITERAL_OR_LIST = window.BLOC_LITERAL_OR_LIST || {};

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

  // The form shows a literal-or-list field as a multiple choice: `all` in the file is the
  // one-item list ['all'] in the form, and that list is written back as `all`.
  function eachLiteralOrList(data, change) {
    Object.keys(LITERAL_OR_LIST).forEach(function (dotted) {
      var keys = dotted.split("."), parent = data;
      for (var i = 0; i < keys.length - 1; i++) {
        parent = parent && typeof parent === "object" ? parent[keys[i]] : undefined;
      }
      var last = keys[keys.length - 1];
      if (parent && typeof parent === "object" && last in parent) {
        parent[last] = change(parent[last], LITERAL_OR_LIST[dotted]);
      }
    });
    return data;
  }

  function asList(value, literals) {
    return typeof value === "string" && literals.indexOf(value) >= 0 ? [value] : value;
  }

  function asLiteral(value, literals) {
    return Array.isArray(value) && value.length === 1 && literals.indexOf(value[0]) >= 0 ? value[0] : value;
  }

  // Decap's form state keeps an object's keys in order only up to eight of them (an
  // Immutable.Map), so what it hands back is reordered: the keys are put back in the order
  // the files were written in (learnt as they are read), then in the forms' order.
  var keyOrders = {}; // kind of file -> key names in the order they were written

  function learnOrder(value, order) {
    if (Array.isArray(value)) {
      value.forEach(function (v) { learnOrder(v, order); });
    } else if (value && typeof value === "object") {
      var previous = null;
      Object.keys(value).forEach(function (key) {
        if (order.indexOf(key) < 0) order.splice(previous === null ? 0 : order.indexOf(previous) + 1, 0, key);
        previous = key;
        learnOrder(value[key], order);
      });
    }
  }

  function inOrder(value, order) {
    if (Array.isArray(value)) return value.map(function (v) { return inOrder(v, order); });
    if (!value || typeof value !== "object") return value;
    function rank(key) {
      var written = order.indexOf(key);
      if (written >= 0) return written;
      var form = FIELD_ORDER.indexOf(key);
      return order.length + (form >= 0 ? form : FIELD_ORDER.length);
    }
    var keys = Object.keys(value).map(function (key, i) { return [rank(key), i, key]; });
    keys.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var out = {};
    keys.forEach(function (k) { out[k[2]] = inOrder(value[k[2]], order); });
    return out;
  }

  function orderOf(kind) {
    keyOrders[kind] = keyOrders[kind] || [];
    return keyOrders[kind];
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
    learnOrder(data, orderOf("news"));
    return eachLiteralOrList(data, asList);
  }

  function toFile(data) {
    var values = eachLiteralOrList(clean(JSON.parse(JSON.stringify(data))), asLiteral);
    if (values.lang && values.lang !== "vi") {
      var words = values.body;
      values = clean(prune(values, TRANSLATED));
      if (words) values.body = words;
    }
    var key = canonical(values);
    if (Object.prototype.hasOwnProperty.call(originals, key)) return originals[key];
    var body = values.body || "";
    delete values.body;
    values = inOrder(values, orderOf("news"));
    var front = window.jsyaml.dump(values, { schema: SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"' });
    return "---\n" + front + "---\n\n" + body.replace(/\s*$/, "\n");
  }

  window.CMS.registerCustomFormat("bloc-frontmatter", "md", { fromFile: fromFile, toFile: toFile });

  // The registries (content/data/*.yaml) as written by hand: unchanged when nothing changed,
  // otherwise the keys in the order they were read, lists not indented, and the file's
  // opening comment kept. Other comments cannot follow the values through a form: they go
  // (the guide says so). Each registry file has its own top-level keys, which say which
  // opening comment is whose.
  var openingComments = {}; // the file's top-level keys -> its opening comment lines

  function topKeys(data) { return Object.keys(data || {}).sort().join(","); }

  function fromYaml(text) {
    var data = window.jsyaml.load(text, { schema: SCHEMA }) || {};
    originals[canonical(clean(data))] = text;
    var opening = /^(?:#.*\r?\n|[ \t]*\r?\n)*/.exec(text)[0].replace(/\s*$/, "");
    openingComments[topKeys(data)] = opening ? opening + "\n\n" : "";
    learnOrder(data, orderOf(topKeys(data)));
    return data;
  }

  function toYaml(data) {
    var values = clean(JSON.parse(JSON.stringify(data)));
    var key = canonical(values);
    if (Object.prototype.hasOwnProperty.call(originals, key)) return originals[key];
    return (openingComments[topKeys(values)] || "") + window.jsyaml.dump(inOrder(values, orderOf(topKeys(values))), {
      schema: SCHEMA, lineWidth: -1, noRefs: true, noArrayIndent: true, quotingType: '"',
    });
  }

  window.CMS.registerCustomFormat("bloc-yaml", "yaml", { fromFile: fromYaml, toFile: toYaml });
})();
