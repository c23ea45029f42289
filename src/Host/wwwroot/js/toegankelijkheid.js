// The accessibility report (/Beheer/Toegankelijkheid, ADR 40). Runs axe-core in the administrator's own browser over
// the product's pages the page lists and the public portal's pages from /sitemap.xml: each page is loaded in a frame of
// this host (the host lets only a frame of this page show its pages), axe-core is added to it as a script element
// whose src is this host's copy (the Content-Security-Policy allows no inline script and no eval), and the outcome is
// offered as an HTML file (to read and print) and a JSON file (for a program). Nothing is sent to the host.
(() => {
    'use strict';

    const settings = JSON.parse(document.getElementById('controle-gegevens').textContent);
    const start = document.getElementById('controle-starten');
    const status = document.getElementById('controle-voortgang');
    const preview = document.getElementById('controle-voorbeeld');
    const frame = document.getElementById('controle-venster');
    const outcome = document.getElementById('controle-uitkomst');
    const summaryLine = document.getElementById('controle-samenvatting');
    const overview = document.getElementById('controle-overzicht');
    const htmlLink = document.getElementById('rapport-html');
    const jsonLink = document.getElementById('rapport-json');
    const claim = [...document.querySelectorAll('#controle-verklaring p')].map(p => p.textContent.replace(/\s+/g, ' ').trim());

    const pageLoadTimeout = 60000;
    const quietFor = 500;
    const quietAtMost = 10000;
    const downloads = [];

    start.hidden = false;
    start.addEventListener('click', () => { run().catch(error => { say(`De controle is gestopt door een fout: ${error && error.message ? error.message : error}. Laad de pagina opnieuw en probeer het nog eens.`); start.disabled = false; start.textContent = 'Controles opnieuw starten'; }); });

    // --- running ---------------------------------------------------------------------------------------------------

    async function run() {
        start.disabled = true;
        start.textContent = 'Bezig met controleren…';
        outcome.hidden = true;
        downloads.splice(0).forEach(url => URL.revokeObjectURL(url));
        say('De sitemap van het openbare portaal wordt gelezen…');
        const portal = await portalPages();
        const pages = [...settings.pages.map(p => ({ title: p.title, path: p.path, part: p.part })), ...portal.pages];
        const startedAt = new Date();
        preview.hidden = false;
        fitPreview();
        const checked = [];
        for (let i = 0; i < pages.length; i++) {
            say(`Pagina ${i + 1} van ${pages.length} wordt gecontroleerd: ${pages[i].title}`);
            checked.push(await check(pages[i]));
        }

        frame.removeAttribute('src');
        preview.hidden = true;
        withoutSiteName(checked.filter(p => p.part === settings.portalPart && p.checked));
        const report = makeReport(checked, portal, startedAt);
        show(report);
        offer(report);
        start.disabled = false;
        start.textContent = 'Controles opnieuw starten';
        say('De controles zijn klaar; de uitkomst en het rapport staan hieronder.');
        document.getElementById('uitkomst').focus();
    }

    function say(text) { status.textContent = text; }

    /** The portal's pages from its sitemap: no files (PDF, feed), at most settings.portalPagesPerKind of one kind. */
    async function portalPages() {
        let response;
        try {
            response = await fetch(settings.sitemap, { credentials: 'same-origin', headers: { Accept: 'application/xml, text/xml' } });
        } catch {
            return { pages: [], note: 'De sitemap van het openbare portaal kon niet worden gelezen; alleen de pagina\'s van AdviesRoute zijn gecontroleerd.', skipped: 0 };
        }

        if (!response.ok) {
            return {
                pages: [], skipped: 0,
                note: response.status === 404
                    ? 'Deze installatie heeft geen sitemap van het openbare portaal; alleen de pagina\'s van AdviesRoute zijn gecontroleerd.'
                    : `De sitemap van het openbare portaal gaf foutcode ${response.status}; alleen de pagina's van AdviesRoute zijn gecontroleerd.`,
            };
        }

        const xml = new DOMParser().parseFromString(await response.text(), 'application/xml');
        const paths = [];
        for (const loc of xml.getElementsByTagNameNS('*', 'loc')) {
            let url;
            try { url = new URL(loc.textContent.trim(), location.origin); } catch { continue; }
            const path = url.pathname + url.search;
            if (!isFile(url.pathname) && !paths.includes(path)) {
                paths.push(path);
            }
        }

        const perKind = new Map();
        const pages = [];
        let skipped = 0;
        for (const path of paths) {
            const kind = kindOf(path);
            const seen = perKind.get(kind) || 0;
            if (seen >= settings.portalPagesPerKind) {
                skipped++;
                continue;
            }

            perKind.set(kind, seen + 1);
            pages.push({ title: path, path, part: settings.portalPart });
        }

        return { pages, skipped, note: null };
    }

    /** "Jaarkalender - Gemeenschappelijke regeling SamenDrenthe": the part after " - " that every portal page repeats goes. */
    function withoutSiteName(pages) {
        const suffixes = pages.map(p => { const at = p.title.lastIndexOf(' - '); return at > 0 ? p.title.slice(at) : null; });
        if (pages.length > 1 && suffixes.every(s => s !== null && s === suffixes[0])) {
            pages.forEach(p => { p.title = p.title.slice(0, -suffixes[0].length); });
        }
    }

    function isFile(pathname) { return /\.[a-z0-9]{2,5}$/i.test(pathname.split('/').pop()); }

    /** Pages of one kind share their address but for the last part: /openbaar/vergaderingen/ab-2027-04-14. */
    function kindOf(path) {
        const parts = path.split('?')[0].split('/').filter(Boolean);
        return parts.length >= 3 ? parts.slice(0, -1).join('/') + '/*' : parts.join('/');
    }

    /** Loads one page in the frame, adds axe-core to it and runs the rules; a page that cannot be checked says why. */
    async function check(page) {
        const result = { title: page.title, path: page.path, part: page.part, checked: false, reason: null, redirectedTo: null };
        let loaded;
        try {
            loaded = await load(page.path);
        } catch (error) {
            result.reason = error.message;
            return result;
        }

        const { win, doc } = loaded;
        if (doc.title) {
            result.title = page.part === settings.portalPart ? doc.title : page.title;
        }

        if (doc.contentType && doc.contentType !== 'text/html') {
            result.reason = `het adres geeft een bestand (${doc.contentType}), geen webpagina`;
            return result;
        }

        const navigation = win.performance.getEntriesByType('navigation')[0];
        if (navigation && navigation.responseStatus >= 400) {
            result.reason = `de pagina antwoordde met foutcode ${navigation.responseStatus}`;
            return result;
        }

        const finalPath = win.location.pathname + win.location.search;
        if (!samePath(finalPath, page.path)) {
            result.redirectedTo = finalPath;
            if (win.location.pathname.toLowerCase().startsWith('/account/') && !page.path.toLowerCase().startsWith('/account/')) {
                result.reason = `de pagina stuurde door naar ${win.location.pathname}: u bent niet meer ingelogd of mag de pagina niet openen`;
                return result;
            }
        }

        await quiet(win);
        try {
            await addAxe(doc);
            const axeResults = await win.axe.run(doc, { runOnly: { type: 'tag', values: settings.axe.tags } });
            Object.assign(result, outcomeOf(axeResults));
            result.checked = true;
        } catch (error) {
            result.reason = `axe-core kon de pagina niet controleren (${error && error.message ? error.message : error})`;
        }

        return result;
    }

    function load(path) {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => { frame.removeEventListener('load', loaded); reject(new Error('de pagina laadde niet binnen een minuut')); }, pageLoadTimeout);
            function loaded() {
                clearTimeout(timer);
                let doc = null;
                try { doc = frame.contentDocument; } catch { doc = null; }
                if (!doc || !frame.contentWindow || doc.location.href === 'about:blank') {
                    reject(new Error('de pagina kon niet in het controlevenster worden geladen'));
                    return;
                }

                resolve({ win: frame.contentWindow, doc });
            }

            frame.addEventListener('load', loaded, { once: true });
            frame.src = path;
        });
    }

    function samePath(a, b) { return a.replace(/\/$/, '').toLowerCase() === b.replace(/\/$/, '').toLowerCase(); }

    /** Waits until the page fetched nothing new for a moment (a page that draws itself with script, like the designer). */
    function quiet(win) {
        return new Promise(resolve => {
            const began = Date.now();
            let seen = win.performance.getEntriesByType('resource').length;
            let since = Date.now();
            const timer = setInterval(() => {
                const now = win.performance.getEntriesByType('resource').length;
                if (now !== seen) {
                    seen = now;
                    since = Date.now();
                }

                if (Date.now() - since >= quietFor || Date.now() - began >= quietAtMost) {
                    clearInterval(timer);
                    requestAnimationFrame(() => resolve());
                }
            }, 100);
        });
    }

    function addAxe(doc) {
        return new Promise((resolve, reject) => {
            const script = doc.createElement('script');
            script.src = settings.axe.script;
            script.addEventListener('load', resolve, { once: true });
            script.addEventListener('error', () => reject(new Error('axe-core kon niet worden geladen')), { once: true });
            (doc.head || doc.documentElement).appendChild(script);
        });
    }

    function fitPreview() {
        const scale = Math.min(1, preview.clientWidth / settings.frame.width);
        frame.style.transform = `scale(${scale})`;
        preview.style.height = `${Math.ceil(settings.frame.height * scale)}px`;
    }

    window.addEventListener('resize', () => { if (!preview.hidden) { fitPreview(); } });

    // --- the outcome -----------------------------------------------------------------------------------------------

    function outcomeOf(axeResults) {
        // A rule's impact says how bad a finding is; a passed or inapplicable rule has none to report.
        const rules = (list, found = true) => list.map(rule => ({
            id: rule.id,
            description: settings.rules[rule.id] || rule.help,
            axeHelp: rule.help,
            helpUrl: rule.helpUrl,
            impact: found && rule.impact ? rule.impact : null,
            impactText: found && rule.impact ? settings.impact[rule.impact] || rule.impact : null,
            criteria: criteriaOf(rule.tags),
            elements: rule.nodes.length,
            targets: rule.nodes.slice(0, 5).map(node => node.target.map(t => Array.isArray(t) ? t.join(' ') : t).join(' → ')),
        })).sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id));
        return {
            axeVersion: axeResults.testEngine.version,
            counts: {
                passes: axeResults.passes.length,
                violations: axeResults.violations.length,
                incomplete: axeResults.incomplete.length,
                inapplicable: axeResults.inapplicable.length,
            },
            violations: rules(axeResults.violations),
            incomplete: rules(axeResults.incomplete),
            passes: rules(axeResults.passes, false),
            inapplicable: rules(axeResults.inapplicable, false),
        };
    }

    /** Rules in the order of WCAG's success criteria (1.1.1 before 1.4.3 before 4.1.2), those without one last. */
    function order(rule) {
        if (!rule.criteria.length) {
            return Number.MAX_SAFE_INTEGER;
        }

        const [a, b, c] = rule.criteria[0].number.split('.').map(Number);
        return a * 10000 + b * 100 + c;
    }

    function criteriaOf(tags) {
        return tags.filter(tag => /^wcag\d{3,}$/.test(tag)).map(tag => {
            const c = settings.criteria[tag];
            const number = c ? c.number : tag.replace(/^wcag(\d)(\d)(\d+)$/, '$1.$2.$3');
            return {
                number,
                name: c ? c.name : '',
                level: c ? c.level : '',
                note: c ? c.note || null : null,
                text: c ? `${c.number} ${c.name} (${c.level}${c.note ? `, ${c.note}` : ''})` : `WCAG ${number}`,
            };
        });
    }

    function makeReport(checked, portal, startedAt) {
        const notes = [...settings.leftOut.map(s => `Niet gecontroleerd: ${s}.`)];
        if (portal.note) {
            notes.push(portal.note);
        }

        if (portal.skipped > 0) {
            notes.push(`Van het openbare portaal ${count(portal.skipped, 'andere pagina', "andere pagina's")} uit de sitemap niet gecontroleerd: van elke soort pagina zijn er ten hoogste ${settings.portalPagesPerKind} gecontroleerd.`);
        }

        const axeVersion = (checked.find(p => p.checked) || {}).axeVersion || settings.axe.version;
        return {
            title: 'Toegankelijkheid: uitkomst van automatische controles',
            statement: claim,
            installation: { ...settings.installation, address: location.origin },
            checkedAt: startedAt.toISOString(),
            checkedAtText: moment(startedAt),
            checkedBy: settings.checkedBy,
            tool: { name: 'axe-core', version: axeVersion, licence: 'MPL-2.0', tags: settings.axe.tags, rulesText: 'alle regels van axe-core voor WCAG 2.0 en 2.1, niveau A en AA' },
            browser: navigator.userAgent,
            frame: settings.frame,
            notes,
            pages: checked.map(p => ({ ...p, counts: p.counts || null })),
        };
    }

    function moment(date) {
        const day = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(date);
        const time = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/Amsterdam' }).format(date);
        return `${day} om ${time}`;
    }

    function count(n, one, many) { return `${n} ${n === 1 ? one : many}`; }

    /** The outcome on this page: per page the four numbers, and what failed. */
    function show(report) {
        const checked = report.pages.filter(p => p.checked);
        const failing = checked.filter(p => p.counts.violations > 0);
        summaryLine.textContent = `${count(checked.length, 'pagina', "pagina's")} gecontroleerd op ${report.checkedAtText} met axe-core ${report.tool.version}; `
            + (failing.length === 0 ? 'op geen pagina vond axe-core een regel die niet slaagt.' : `op ${count(failing.length, 'pagina', "pagina's")} vond axe-core regels die niet slagen.`)
            + (report.pages.length > checked.length ? ` ${count(report.pages.length - checked.length, 'pagina kon', "pagina's konden")} niet worden gecontroleerd.` : '');
        overview.innerHTML = overviewTable(report) + report.notes.map(n => `<p>${esc(n)}</p>`).join('') + failing.map(p => `
            <h3>${esc(p.title)}: niet geslaagd</h3>
            <ul>${p.violations.map(r => `<li>${esc(r.description)}. Niet in orde bij ${count(r.elements, 'element', 'elementen')}${r.impactText ? ` (ernst: ${esc(r.impactText)})` : ''}. Succescriterium ${esc(criteriaText(r))}.</li>`).join('')}</ul>`).join('');
        outcome.hidden = false;
    }

    function criteriaText(rule) { return rule.criteria.length ? rule.criteria.map(c => c.text).join(', ') : 'geen succescriterium genoemd'; }

    /** Per part (AdviesRoute, the public portal) a table: per page the four numbers. */
    function overviewTable(report) {
        const number = (label, value) => `<td class="utrecht-table__cell utrecht-table__cell--numeric-column ar-number" data-label="${label}">${value}</td>`;
        const parts = [...new Set(report.pages.map(p => p.part))];
        return parts.map((part, i) => `<h3 id="overzicht-${i}">${part === settings.portalPart ? "Pagina's van het openbare portaal" : `Pagina's van ${esc(part)}`}</h3>
            <div class="ar-table-box"><table class="utrecht-table utrecht-table--html-table table table--stack ar-check-table" aria-labelledby="overzicht-${i}">
            <thead class="utrecht-table__header"><tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">Pagina</th>
                <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric-column ar-number">Geslaagd</th>
                <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric-column ar-number">Niet geslaagd</th>
                <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric-column ar-number">Handmatig nakijken</th>
                <th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric-column ar-number">Niet van toepassing</th>
            </tr></thead>
            <tbody class="utrecht-table__body">${report.pages.filter(p => p.part === part).map(p => `<tr class="utrecht-table__row">
                <td class="utrecht-table__cell" data-label="Pagina"><a href="${esc(p.path)}">${esc(p.title)}</a>${p.checked ? '' : `<br>Niet gecontroleerd: ${esc(p.reason)}`}</td>
                ${p.checked
                    ? number('Geslaagd', p.counts.passes) + number('Niet geslaagd', p.counts.violations) + number('Handmatig nakijken', p.counts.incomplete) + number('Niet van toepassing', p.counts.inapplicable)
                    : '<td class="utrecht-table__cell" colspan="4">niet gecontroleerd</td>'}
            </tr>`).join('')}</tbody></table></div>`).join('');
    }

    function offer(report) {
        const stamp = report.checkedAt.slice(0, 16).replace(/[-:T]/g, '');
        link(htmlLink, reportHtml(report), 'text/html', `toegankelijkheidsrapport-${stamp}.html`);
        link(jsonLink, JSON.stringify(report, null, 2), 'application/json', `toegankelijkheidsrapport-${stamp}.json`);
    }

    function link(anchor, text, type, name) {
        const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
        downloads.push(url);
        anchor.href = url;
        anchor.download = name;
    }

    /** The report an auditor reads: one HTML file with its own style sheet, readable on screen and on paper. */
    function reportHtml(report) {
        // Per kind of outcome which columns its table has: how many elements, and where on the page they are.
        const columns = {
            violations: { impact: true, elements: 'Aantal niet in orde', where: true },
            incomplete: { impact: false, elements: 'Aantal na te kijken', where: true },
            passes: { impact: false, elements: 'Aantal in orde', where: false },
            inapplicable: { impact: false, elements: null, where: false },
        };
        const ruleRows = (rules, kind) => {
            const c = columns[kind];
            return `<table>
            <thead><tr><th scope="col">Regel</th><th scope="col">Succescriterium van WCAG</th>${c.impact ? '<th scope="col">Ernst</th>' : ''}${c.elements ? `<th scope="col" class="n">${c.elements}</th>` : ''}${c.where ? '<th scope="col">Waar op de pagina (CSS-selector)</th>' : ''}</tr></thead>
            <tbody>${rules.map(r => `<tr>
                <td data-label="Regel">${esc(r.description)}<br><span class="id">axe-core: ${esc(r.id)}</span></td>
                <td data-label="Succescriterium">${esc(criteriaText(r))}</td>
                ${c.impact ? `<td data-label="Ernst">${esc(r.impactText || '')}</td>` : ''}
                ${c.elements ? `<td data-label="${c.elements}" class="n">${r.elements}</td>` : ''}
                ${c.where ? `<td data-label="Waar"><span class="id">${r.targets.map(esc).join('<br>')}</span>${r.elements > r.targets.length ? `<br>en ${r.elements - r.targets.length} meer` : ''}</td>` : ''}
            </tr>`).join('')}</tbody></table>`;
        };
        const section = (title, rules, body) => `<h3>${esc(title)} (${rules.length})</h3>${rules.length ? body : '<p>Geen.</p>'}`;
        const pages = report.pages.map((p, i) => `<section class="page">
            <h2>${i + 1}. ${esc(p.title)}</h2>
            <p>Adres: <span class="id">${esc(report.installation.address + p.path)}</span>${p.redirectedTo ? ` (doorgestuurd naar <span class="id">${esc(p.redirectedTo)}</span>)` : ''}. Onderdeel: ${esc(p.part)}.</p>
            ${p.checked ? `
            ${section('Niet geslaagd', p.violations, `<p>Deze regels vonden elementen die niet in orde zijn. De eerste vijf staan erbij, aangeduid met een CSS-selector.</p>${ruleRows(p.violations, 'violations')}`)}
            ${section('Handmatig nakijken', p.incomplete, `<p>Hier kon axe-core niet zelf beslissen; een mens moet deze elementen nakijken.</p>${ruleRows(p.incomplete, 'incomplete')}`)}
            ${section('Geslaagd', p.passes, `<p>Deze regels vonden elementen die in orde zijn. Een regel kan ook bij ‘Niet geslaagd’ staan: dan waren andere elementen op de pagina niet in orde.</p>${ruleRows(p.passes, 'passes')}`)}
            ${section('Niet van toepassing', p.inapplicable, `<p>Op de pagina staat niets waarop deze regels van toepassing zijn.</p>${ruleRows(p.inapplicable, 'inapplicable')}`)}`
            : `<p><strong>Niet gecontroleerd:</strong> ${esc(p.reason)}.</p>`}
        </section>`).join('');
        return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(report.title)}, ${esc(report.checkedAtText)}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-top: 2px solid #1a1a1a; padding-top: .5rem; } h3 { font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } th, td { border: 1px solid #8c8c8c; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dt { font-weight: 700; } dd { margin: 0; overflow-wrap: anywhere; }
.claim { border: 2px solid #1a1a1a; padding: .5rem 1rem; } .claim h2 { border-top: 0; margin-top: .5rem; padding-top: 0; } .id { font-family: ui-monospace, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table, tbody, tr, td { display: block; } tr { border-bottom: 2px solid #8c8c8c; padding: .25rem 0; } td { border: 0; padding: .15rem 0; text-align: left; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; } td.n, th.n { text-align: left; }
  dl { grid-template-columns: 1fr; } dd { margin-bottom: .5rem; }
}
@media print { body { max-width: none; } h2 { break-before: page; } .overview h2 { break-before: auto; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>${esc(report.title)}</h1>
<dl>
<dt>Installatie</dt><dd>${esc(report.installation.product)} van ${esc(report.installation.owner)}, versie ${esc(report.installation.version)}, op <span class="id">${esc(report.installation.address)}</span></dd>
<dt>Gecontroleerd op</dt><dd>${esc(report.checkedAtText)}</dd>
${report.checkedBy ? `<dt>Gecontroleerd door</dt><dd>${esc(report.checkedBy)}</dd>` : ''}
<dt>Hulpmiddel</dt><dd>axe-core ${esc(report.tool.version)} (Deque Systems, licentie MPL 2.0)</dd>
<dt>Regels</dt><dd>${esc(report.tool.rulesText)}</dd>
<dt>Browser</dt><dd class="id">${esc(report.browser)}</dd>
<dt>Venster</dt><dd>${report.frame.width} bij ${report.frame.height} beeldpunten</dd>
</dl>
<section class="claim"><h2>Wat dit rapport niet zegt</h2>${report.statement.map(s => `<p>${esc(s)}</p>`).join('')}</section>
<section class="overview">
<h2>Overzicht</h2>
<p>Per pagina het aantal regels van axe-core dat slaagde, niet slaagde, door een mens moet worden nagekeken, of niet van toepassing was.</p>
<table><thead><tr><th scope="col">Pagina</th><th scope="col" class="n">Geslaagd</th><th scope="col" class="n">Niet geslaagd</th><th scope="col" class="n">Handmatig nakijken</th><th scope="col" class="n">Niet van toepassing</th></tr></thead>
<tbody>${report.pages.map((p, i) => `<tr><td data-label="Pagina">${i + 1}. ${esc(p.title)}<br><span class="id">${esc(p.path)}</span></td>${p.checked
            ? `<td class="n" data-label="Geslaagd">${p.counts.passes}</td><td class="n" data-label="Niet geslaagd">${p.counts.violations}</td><td class="n" data-label="Handmatig nakijken">${p.counts.incomplete}</td><td class="n" data-label="Niet van toepassing">${p.counts.inapplicable}</td>`
            : `<td colspan="4">niet gecontroleerd: ${esc(p.reason)}</td>`}</tr>`).join('')}</tbody></table>
${report.notes.map(n => `<p>${esc(n)}</p>`).join('')}
<p>Niet gecontroleerd worden de documenten zelf (PDF en andere bestanden): axe-core controleert alleen webpagina's.</p>
</section>
${pages}
</body>
</html>
`;
    }

    function esc(text) {
        return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
    }
})();
