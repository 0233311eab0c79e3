// How the browser editor reads and writes the data files: one format per collection.
//
// Decap CMS's own YAML format, with what the data contract needs beside it:
// - a file that is a list (partners.yml, pathways.yml) is edited as one list
//   field ("root": true) and saved as the list itself;
// - a mapping with keys of the editor's choosing (a measure's values by year)
//   is edited as rows ("map_key") and saved as the mapping;
// - empty optional fields are left out rather than saved as "" or [];
// - text the site's YAML reader (YAML 1.1) would take for something else
//   ("yes", "no", "on", 1:30, a bare date in a text field) is quoted;
// - the file starts with the line that names its JSON Schema for VS Code.
// The same module runs in Node in the tests, which round-trip every example
// file through it (tests/test_cms.py).
import { YAML } from './yaml/index.js';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;
const KEYWORDS = ['unknown', 'n/a', 'suppressed'];
// What PyYAML's safe loader (YAML 1.1) reads as something other than text.
const YAML11 = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
  /^(?:<<|=)$/,
];

function isEmpty(value) {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
  );
}

function figure(text) {
  // A measure's figure typed as text: a number, a keyword, or left as typed (the check says what is wrong).
  if (typeof text !== 'string') return text;
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (KEYWORDS.includes(trimmed.toLowerCase())) return trimmed.toLowerCase();
  return trimmed;
}

function shown(value) {
  return typeof value === 'number' ? String(value) : value;
}

// ---- from the file to the form -------------------------------------------

function measureRow(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { value: shown(value) };
  const row = {};
  if ('value' in value) row.value = shown(value.value);
  if ('by' in value) row.by = toRows(value.by, { map_key: 'cohort', map_value: 'figure' });
  if ('pending' in value) row.pending = value.pending;
  if ('note' in value) row.note = value.note;
  for (const key of Object.keys(value)) if (!(key in row)) row[key] = value[key];
  return row;
}

function toRows(mapping, field) {
  if (mapping === null || typeof mapping !== 'object' || Array.isArray(mapping)) return mapping;
  return Object.entries(mapping).map(([key, value]) => {
    const head = { [field.map_key]: key };
    if (field.map_value === 'measure') return { ...head, ...measureRow(value) };
    if (field.map_value === 'figure') return { ...head, value: shown(value) };
    if (field.map_value === 'fields' && value && typeof value === 'object' && !Array.isArray(value)) {
      return { ...head, ...formData(value, field.fields.slice(1)) };
    }
    return { ...head, value: formValue(value, field.fields[1]) };
  });
}

function formValue(value, field) {
  if (!field) return value;
  if (field.map_key) return toRows(value, field);
  if (field.widget === 'object' && value && typeof value === 'object' && !Array.isArray(value)) return formData(value, field.fields);
  if (field.widget === 'list' && field.fields && Array.isArray(value)) {
    return value.map(item => (item && typeof item === 'object' && !Array.isArray(item) ? formData(item, field.fields) : item));
  }
  return value;
}

function formData(data, fields) {
  const out = { ...data };
  for (const field of fields) if (field.name in out) out[field.name] = formValue(out[field.name], field);
  return out;
}

// ---- from the form to the file -------------------------------------------

function quoted(text) {
  const node = YAML.createNode(text);
  node.type = 'QUOTE_DOUBLE';
  return node;
}

function text(value, field) {
  if (typeof value !== 'string') return value;
  const dated = field && field.widget === 'datetime';
  if (!dated && YAML11.some(pattern => pattern.test(value))) return quoted(value);
  return value;
}

function fromRows(rows, field) {
  if (!Array.isArray(rows)) return rows;
  const mapping = {};
  for (const row of rows) {
    if (!row || typeof row !== 'object') continue;
    const { [field.map_key]: key, ...rest } = row;
    const name = key === undefined || key === null ? '' : String(key).trim();
    if (field.map_value === 'measure') {
      const value = {};
      if (!isEmpty(rest.value)) value.value = figure(rest.value);
      if (!isEmpty(rest.by)) value.by = fromRows(rest.by, { map_key: 'cohort', map_value: 'figure' });
      if (!isEmpty(rest.pending)) value.pending = text(rest.pending);
      if (!isEmpty(rest.note)) value.note = text(rest.note);
      for (const extra of Object.keys(rest)) if (!['value', 'by', 'pending', 'note'].includes(extra) && !isEmpty(rest[extra])) value[extra] = rest[extra];
      const keys = Object.keys(value);
      mapping[name] = keys.length === 1 && keys[0] === 'value' ? value.value : value;
    } else if (field.map_value === 'figure') {
      mapping[name] = figure(rest.value);
    } else if (field.map_value === 'fields') {
      mapping[name] = fileData(rest, field.fields.slice(1));
    } else {
      mapping[name] = fileValue(rest.value, field.fields[1]);
    }
  }
  return mapping;
}

function fileValue(value, field) {
  if (!field) return value;
  if (field.map_key) return fromRows(value, field);
  if (field.widget === 'object' && value && typeof value === 'object' && !Array.isArray(value)) return fileData(value, field.fields);
  if (field.widget === 'list' && Array.isArray(value)) {
    if (field.fields) return value.map(item => (item && typeof item === 'object' ? fileData(item, field.fields) : item));
    return value.filter(item => !isEmpty(item)).map(item => text(item, field.field));
  }
  if (field.widget === 'select' && Array.isArray(value)) return value.map(item => text(item));
  return text(value, field);
}

function fileData(data, fields) {
  // The fields in the form's order (Decap sorts the top level the same way), then anything else the file had.
  const out = {};
  const known = new Set(fields.map(f => f.name));
  for (const field of fields) {
    if (!(field.name in data)) continue;
    const value = fileValue(data[field.name], field);
    if (isEmpty(value) && !field.required) continue;
    out[field.name] = value;
  }
  for (const [name, value] of Object.entries(data)) {
    if (!known.has(name) && !name.startsWith('partnership_') && !isEmpty(value)) out[name] = value;
  }
  return out;
}

// ---- the format ----------------------------------------------------------

export function makeFormat(collection) {
  const files = collection.files || [];
  const fields = collection.fields || (files[0] && files[0].fields) || [];
  const root = fields.length === 1 && fields[0].root ? fields[0] : null;
  const header = ` yaml-language-server: $schema=${collection.partnership_header}\n ${collection.label_singular}: saved by the browser editor (/admin/). See data/README.md.`;
  return {
    fromFile(content) {
      const doc = YAML.parseDocument(content || '', { prettyErrors: true });
      if (doc.errors.length > 0) throw new Error(`YAML parsing error:\n${doc.errors.map(e => e.message).join('\n')}`);
      const data = doc.toJSON();
      if (root) return { [root.name]: formValue(Array.isArray(data) ? data : [], root) };
      return formData(data && typeof data === 'object' ? data : {}, fields);
    },
    toFile(data) {
      let body;
      if (root) {
        body = fileValue((data && data[root.name]) || [], root);
      } else {
        body = fileData(data || {}, fields);
      }
      const doc = new YAML.Document();
      doc.contents = YAML.createNode(body);
      if (root && doc.contents.items) {
        for (const item of doc.contents.items.slice(1)) item.spaceBefore = true;
      }
      doc.commentBefore = header;
      return doc.toString();
    },
  };
}

// The programme year a new event is filed under: the financial year (April to March) of its first session.
export function programmeYear(data, today = new Date()) {
  const sessions = Array.isArray(data.sessions) ? data.sessions : [];
  const starts = sessions.map(s => s && s.start).filter(Boolean).sort();
  const match = /^(\d{4})-(\d{2})/.exec(starts[0] || '');
  const year = match ? Number(match[1]) : today.getFullYear();
  const month = match ? Number(match[2]) : today.getMonth() + 1;
  const first = month >= 4 ? year : year - 1;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
}
