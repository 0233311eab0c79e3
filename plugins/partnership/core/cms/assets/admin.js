// Starts the browser editor with the configuration the build made from the data contract (config.json).
//
// It registers one format per collection (formats.js), files a new event
// under its programme year, and, with the local backend of
// `python3 build.py edit`, shows after every save the problems the check
// finds, each with its file, line and column and what to change.
import { makeFormat, programmeYear } from './formats.js';

const panel = document.getElementById('partnership-problems');

function show(report) {
  panel.replaceChildren();
  if (!report) {
    panel.hidden = true;
    return;
  }
  const problems = report.problems || [];
  const warnings = report.warnings || [];
  panel.hidden = false;
  panel.className = problems.length ? 'partnership-problems has-problems' : 'partnership-problems';
  const heading = document.createElement('h2');
  heading.textContent = problems.length
    ? `Saved, but the site cannot be published until ${problems.length === 1 ? 'this problem is' : `these ${problems.length} problems are`} fixed`
    : 'Saved. The data has no problems; the preview is up to date.';
  panel.append(heading);
  if (problems.length) {
    const help = document.createElement('p');
    help.textContent = 'Each line names the file, the line and the column, what is wrong and what to write instead. Open the entry, change it and save again.';
    panel.append(help);
  }
  for (const [title, list] of [['', problems], ['Warnings (they do not stop the site; check each says what you meant)', warnings]]) {
    if (!list.length) continue;
    if (title) {
      const h = document.createElement('h3');
      h.textContent = title;
      panel.append(h);
    }
    const ul = document.createElement('ul');
    for (const problem of list) {
      const li = document.createElement('li');
      const where = document.createElement('code');
      where.textContent = problem.where;
      li.append(where, document.createTextNode(` ${problem.message}`));
      ul.append(li);
    }
    panel.append(ul);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Hide this message';
  close.addEventListener('click', () => show(null));
  panel.append(close);
  if (problems.length) panel.focus();
}

async function checkAfterSave(config) {
  if (config.backend.name !== 'proxy') return;
  try {
    const response = await fetch(config.backend.proxy_url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ action: 'partnershipCheck', params: {} }),
    });
    show(await response.json());
  } catch (error) {
    show({ problems: [{ where: 'preview', message: `The preview server did not answer (${error}). Is python3 build.py edit still running?` }] });
  }
}

async function start() {
  const response = await fetch('config.json', { cache: 'no-store' });
  const config = await response.json();
  const CMS = window.CMS;
  for (const collection of config.collections) {
    CMS.registerCustomFormat(collection.format, collection.extension, makeFormat(collection));
  }
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const data = entry.get('data');
      if (entry.get('collection') !== 'events') return data;
      return data.set('partnership_programme_year', programmeYear(data.toJS()));
    },
  });
  CMS.registerEventListener({ name: 'postSave', handler: () => checkAfterSave(config) });
  CMS.init({ config });
  await checkAfterSave(config);
  if (panel.className === 'partnership-problems') show(null); // nothing to say before the first save
}

start();
