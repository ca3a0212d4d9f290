import { escapeHtml } from './escape-html';

const STYLE = `
:root{color-scheme:light;--ink:#1d1c1d;--muted:#616061;--line:#e2e2e2;--accent:#4c78a8}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#fafafa}
header.top{background:#fff;border-bottom:1px solid var(--line);padding:12px 24px}
header.top a{color:var(--ink);text-decoration:none;font-weight:600}
main{max-width:1080px;margin:0 auto;padding:8px 24px 48px}
h1{font-size:28px;margin:20px 0 4px}h2{font-size:19px;margin:32px 0 8px}
p.lead{color:var(--muted);margin:0 0 12px}
a{color:var(--accent)}
.links a{margin-right:16px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px;overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:13px;color:var(--muted);font-weight:600}
td.num{white-space:nowrap}
code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f1f1f1;padding:1px 4px;border-radius:3px}
.slip{color:#b3261e}.muted{color:var(--muted)}
.badge{display:inline-block;font-size:12px;padding:1px 8px;border-radius:10px;background:#e8eef6;color:#23456b}
.badge.now{background:#fdecea;color:#8c1d18}
svg.gantt{width:100%;min-width:760px;height:auto;display:block}
footer{color:var(--muted);font-size:13px;margin-top:40px}
`;

/** A public page: no script, inline style only, the same header on every page. */
export function pageLayout(params: { title: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(params.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top"><a href="/schedule">Kubeflow release schedule</a></header>
<main>
${params.body}
<footer>Published by kfrelease, the Kubeflow release team's bot. Dates are calendar dates in each release's time zone.</footer>
</main>
</body>
</html>
`;
}
