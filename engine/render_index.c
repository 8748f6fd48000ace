/* render_index.c -- index.html of a batch: one self-contained page (no external file, no
 * network): the scoring day, the parameters and the rules' hash, the counts, the distribution of
 * totals as an inline SVG chart, a summary per province, the ranking (sortable by any column and
 * filtered by a text and a triage with a small inline script, a legend of its marks) with a link to
 * each submission's report, and the files that could not be scored. In print: A4 landscape, the
 * ranking fitted to the width.
 *
 * Every text from a submission is HTML-escaped; the script takes no data, it only reorders the
 * table's rows; a Content-Security-Policy allows nothing but the inline style and this one
 * script (by its hash), so even an escaping mistake could not run anything. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_table.h"
#include "qs_batch.h"

static void esc(qs_buf *b, const char *s) { qs_buf_add_html(b, s); }

static void base64(qs_buf *b, const unsigned char *d, size_t n) {
  static const char a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)d[i] << 16 | (i + 1 < n ? (unsigned)d[i + 1] << 8 : 0) |
                 (i + 2 < n ? d[i + 2] : 0);
    char out[4] = {a[v >> 18 & 63], a[v >> 12 & 63], i + 1 < n ? a[v >> 6 & 63] : '=',
                   i + 2 < n ? a[v & 63] : '='};
    qs_buf_addn(b, out, 4);
  }
}

/* Sorting the ranking: click a column title; numbers compare as numbers. Filtering it: the rows
 * holding a text (anywhere: id, title, region, chain, triage) and of a triage; the filter is kept
 * in the address's fragment (#q=TEXT&triage=VALUE), so a bookmark or a link opens the page
 * filtered. The script only shows, hides and reorders rows; it reads no data but the page's. */
static const char script[] =
    "document.querySelectorAll('table.sortable').forEach(function(table){"
    "var heads=table.tHead.rows[0].cells;"
    "Array.prototype.forEach.call(heads,function(th,col){"
    "th.addEventListener('click',function(){"
    "var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);"
    "var dir=th.getAttribute('data-dir')==='asc'?-1:1;"
    "Array.prototype.forEach.call(heads,function(h){h.removeAttribute('data-dir');});"
    "th.setAttribute('data-dir',dir===1?'asc':'desc');"
    "rows.sort(function(a,b){var x=a.cells[col].getAttribute('data-v')||a.cells[col].textContent;"
    "var y=b.cells[col].getAttribute('data-v')||b.cells[col].textContent;"
    "var nx=parseFloat(x),ny=parseFloat(y);"
    "if(!isNaN(nx)&&!isNaN(ny)&&String(nx)===x&&String(ny)===y)return dir*(nx-ny);"
    "return dir*(x<y?-1:x>y?1:0);});"
    "rows.forEach(function(r){body.appendChild(r);});});});});"
    "(function(){var q=document.getElementById('q'),s=document.getElementById('triage'),"
    "t=document.getElementById('ranking');if(!q||!s||!t)return;"
    "function apply(){var v=q.value.trim().toLowerCase(),k=s.value;"
    "Array.prototype.forEach.call(t.tBodies[0].rows,function(r){"
    "r.hidden=!((!v||r.textContent.toLowerCase().indexOf(v)>=0)&&(!k||r.classList.contains(k)));"
    "});}"
    "function save(){var h=[];if(q.value)h.push('q='+encodeURIComponent(q.value));"
    "if(s.value)h.push('triage='+encodeURIComponent(s.value));"
    "history.replaceState(null,'',h.length?'#'+h.join('&'):location.pathname+location.search);"
    "apply();}"
    "function load(){q.value='';s.value='';"
    "location.hash.replace(/^#/,'').split('&').forEach(function(p){var i=p.indexOf('=');"
    "if(i<0)return;var k=p.slice(0,i),v;"
    "try{v=decodeURIComponent(p.slice(i+1).replace(/[+]/g,' '));}catch(e){return;}"
    "if(k==='q')q.value=v;else if(k==='triage')s.value=v;});apply();}"
    "q.addEventListener('input',save);s.addEventListener('change',save);"
    "window.addEventListener('hashchange',load);load();})();";

static const char style[] =
    "body{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;margin:1.5em;"
    "color:#222}h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}"
    "table{border-collapse:collapse;font-size:.9em}th,td{border:1px solid #ccc;padding:.25em .5em}"
    "th{background:#ddebf7;cursor:pointer;position:sticky;top:0}td.n{text-align:right}"
    "tr.recommend td.t{background:#e2f0d9}tr.review td.t{background:#fff2cc}"
    "tr.reject td.t{background:#f8cbad}.dup{color:#c00;font-weight:bold}"
    ".counts span{margin-right:1.5em}svg text{font-size:11px}"
    ".run span{margin-right:1.5em}.hash{font-family:monospace;word-break:break-all}"
    ".legend span.t{padding:0 .4em}span.recommend{background:#e2f0d9}"
    "span.review{background:#fff2cc}span.reject{background:#f8cbad}"
    ".filter{margin:.5em 0}.filter input{width:16em}"
    /* No title, region or chain one character per line when the table is narrow. */
    "td.id,td.region{white-space:nowrap}td.title{min-width:12em}td.chain{min-width:6em}"
    "@page{size:A4 landscape;margin:10mm}"
    "@media print{body{margin:0;font-size:8pt}h1{font-size:1.3em}h2{font-size:1.1em}"
    ".filter{display:none}th{position:static;cursor:auto}#ranking{width:100%;font-size:7pt}"
    "#ranking th,#ranking td{padding:.1em .25em}#ranking td{white-space:nowrap}"
    "#ranking td.title,#ranking td.chain{white-space:normal}td.title{min-width:9em}"
    "td.chain{min-width:5em}h2.ranking{break-before:page}h2,.legend{break-after:avoid}"
    "thead{display:table-header-group}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}";

/* A triage value in words, as the reports say it. */
static const char *triage_label(qs_lang lang, const char *t) {
  return qs_msg_get(lang, strcmp(t, "recommend") == 0 ? QS_M_TRIAGE_RECOMMEND
                          : strcmp(t, "reject") == 0  ? QS_M_TRIAGE_REJECT
                                                      : QS_M_TRIAGE_REVIEW);
}

/* A catalog text as HTML: the catalogs hold plain text. */
static void esc_msg(qs_buf *b, qs_lang lang, qs_msg m) { esc(b, qs_msg_get(lang, m)); }

/* The header cells of the columns keys[0..n-1]. */
static void column_heads(qs_buf *b, qs_lang lang, const char *const *keys, size_t n) {
  for (size_t i = 0; i < n; i++) {
    qs_buf_add(b, "<th>");
    esc(b, qs_column_title(lang, keys[i]));
    qs_buf_add(b, "</th>");
  }
}

static void heading(qs_buf *b, qs_lang lang, qs_msg m) {
  qs_buf_add(b, "<h2>");
  esc_msg(b, lang, m);
  qs_buf_add(b, "</h2>\n");
}

static void histogram(qs_buf *b, const qs_table *t) {
  /* Totals in bins of 5 points, 0-4 ... 100-105. */
  int bins[21] = {0}, most = 1;
  for (size_t i = 0; i < t->n_rows; i++) {
    int k = t->rows[i].total / 5;
    k = k > 20 ? 20 : k < 0 ? 0 : k;
    if (++bins[k] > most)
      most = bins[k];
  }
  int w = 22, h = 160, left = 30;
  qs_buf_addf(b, "<svg role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
              left + 21 * w + 10, h + 40, left + 21 * w + 10, h + 40);
  for (int k = 0; k < 21; k++) {
    int bh = bins[k] * h / most;
    qs_buf_addf(b,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#5b9bd5\"><title>%d-%d: "
                "%d</title></rect>",
                left + k * w + 1, 10 + h - bh, w - 2, bh, k * 5, k == 20 ? 105 : k * 5 + 4,
                bins[k]);
    if (bins[k])
      qs_buf_addf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>",
                  left + k * w + w / 2, 8 + h - bh, bins[k]);
    if (k % 2 == 0)
      qs_buf_addf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>",
                  left + k * w + w / 2, h + 25, k * 5);
  }
  qs_buf_addf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/></svg>", left,
              10 + h, left + 21 * w, 10 + h);
}

void qs_write_index_html(const qs_table *t, qs_file *f) {
  qs_lang L = t->lang;
  qs_buf b = {0};
  unsigned char digest[32];
  {
    qs_sha256 *h = qs_sha256_new();
    qs_sha256_update(h, script, strlen(script));
    char hex[65];
    qs_sha256_final(h, hex);
    for (int i = 0; i < 32; i++) {
      unsigned v;
      sscanf(hex + 2 * i, "%2x", &v);
      digest[i] = (unsigned char)v;
    }
  }
  qs_buf_add(&b, "<!DOCTYPE html>\n<html lang=\"");
  qs_buf_add(&b, qs_lang_tag(L));
  qs_buf_add(&b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                 "style-src 'unsafe-inline'; img-src data:; script-src 'sha256-");
  base64(&b, digest, 32);
  qs_buf_add(
      &b,
      "'\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  esc_msg(&b, L, QS_M_INDEX_TITLE);
  qs_buf_addf(&b, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", style);
  esc_msg(&b, L, QS_M_INDEX_HEADING);
  qs_buf_add(&b, "</h1>\n");
  qs_buf_add(&b, "<p class=\"asof\">");
  esc_msg(&b, L, QS_M_AS_OF);
  qs_buf_addf(&b, " %s</p>\n", t->as_of);
  /* What the run used: the parameters changed by --param (or the defaults) and the rules. */
  qs_buf_add(&b, "<p class=\"run\"><span>");
  esc_msg(&b, L, QS_M_INDEX_PARAMS);
  int changed = 0;
  for (size_t i = 0; i < t->rubric->n_params; i++) {
    const qs_param *p = &t->rubric->params[i];
    if (p->value == p->dflt)
      continue;
    char v[32];
    qs_param_format(p, p->value, v);
    qs_buf_add(&b, changed++ ? ", " : "");
    qs_buf_add(&b, "<code>");
    esc(&b, p->name);
    qs_buf_add(&b, "=");
    esc(&b, v);
    qs_buf_add(&b, "</code>");
  }
  if (!changed)
    esc_msg(&b, L, QS_M_INDEX_PARAMS_DEFAULT);
  qs_buf_add(&b, "</span><span>");
  esc_msg(&b, L, QS_M_INDEX_RULES);
  qs_buf_add(&b, "<code class=\"hash\">");
  esc(&b, t->rules_sha256);
  qs_buf_add(&b, "</code></span></p>\n");

  size_t rec = 0, rev = 0, rej = 0;
  for (size_t i = 0; i < t->n_rows; i++) {
    rec += strcmp(t->rows[i].triage, "recommend") == 0;
    rev += strcmp(t->rows[i].triage, "review") == 0;
    rej += strcmp(t->rows[i].triage, "reject") == 0;
  }
  size_t failed_files = 0;
  for (size_t i = 0; i < t->n_errors; i++)
    failed_files += i == 0 || strcmp(t->errors[i].path, t->errors[i - 1].path) != 0;
  const struct {
    qs_msg m;
    size_t n;
  } counts[] = {{QS_M_INDEX_COUNT_FILES, t->n_inputs}, {QS_M_INDEX_COUNT_SCORED, t->n_rows},
                {QS_M_INDEX_COUNT_RECOMMEND, rec},     {QS_M_INDEX_COUNT_REVIEW, rev},
                {QS_M_INDEX_COUNT_REJECT, rej},        {QS_M_INDEX_COUNT_NOT_SCORED, failed_files}};
  qs_buf_add(&b, "<p class=\"counts\">");
  for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
    qs_buf c = {0};
    qs_buf_addf(&c, qs_msg_get(L, counts[i].m), counts[i].n);
    qs_buf_add(&b, "<span>");
    esc(&b, c.s);
    qs_buf_add(&b, "</span>");
    qs_buf_free(&c);
  }
  qs_buf_add(&b, "</p>\n");

  heading(&b, L, QS_M_INDEX_TOTALS);
  histogram(&b, t);

  /* Per province. */
  heading(&b, L, QS_M_INDEX_PROVINCES);
  qs_buf_add(&b, "<table class=\"sortable\"><thead><tr>");
  const char *province_head[] = {
      qs_column_title(L, "province"),   qs_column_title(L, "submissions"),
      qs_column_title(L, "mean-total"), qs_column_title(L, "best"),
      triage_label(L, "recommend"),     triage_label(L, "review"),
      triage_label(L, "reject")};
  for (size_t i = 0; i < sizeof province_head / sizeof province_head[0]; i++) {
    qs_buf_add(&b, "<th>");
    esc(&b, province_head[i]);
    qs_buf_add(&b, "</th>");
  }
  qs_buf_add(&b, "</tr></thead><tbody>\n");
  char done[100] = {0};
  for (int pass = 0; pass < 100; pass++) {
    size_t n = 0, r1 = 0, r2 = 0, r3 = 0;
    long sum = 0;
    int best = 0;
    const char *name = NULL;
    for (size_t i = 0; i < t->n_rows; i++) {
      const qs_row *r = &t->rows[i];
      if (strlen(r->province) < 2 || (r->province[0] - '0') * 10 + (r->province[1] - '0') != pass)
        continue;
      name = r->province_name[0] ? r->province_name : r->province;
      n++;
      sum += r->total;
      best = r->total > best ? r->total : best;
      r1 += strcmp(r->triage, "recommend") == 0;
      r2 += strcmp(r->triage, "review") == 0;
      r3 += strcmp(r->triage, "reject") == 0;
    }
    if (!n || done[pass])
      continue;
    done[pass] = 1;
    qs_buf_add(&b, "<tr><td>");
    esc(&b, name);
    qs_buf_addf(&b,
                "</td><td class=\"n\">%zu</td><td class=\"n\">%.1f</td><td class=\"n\">%d</td><td "
                "class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td></tr>\n",
                n, (double)sum / (double)n, best, r1, r2, r3);
  }
  qs_buf_add(&b, "</tbody></table>\n");

  /* The ranking. */
  /* In print the ranking starts a page, its heading and legend with it. */
  qs_buf_add(&b, "<h2 class=\"ranking\">");
  esc_msg(&b, L, QS_M_INDEX_RANKING);
  qs_buf_add(&b, "</h2>\n");
  /* The legend of the marks in the ranking. */
  qs_buf_add(&b, "<p class=\"legend\">");
  esc_msg(&b, L, QS_M_INDEX_LEGEND);
  qs_buf_add(&b, "<span class=\"dup\">");
  esc(&b, qs_column_title(L, "id"));
  qs_buf_add(&b, "</span> ");
  esc_msg(&b, L, QS_M_INDEX_DUPLICATE);
  static const char *const triages[] = {"recommend", "review", "reject"};
  for (size_t i = 0; i < 3; i++) {
    qs_buf_addf(&b, "%s<span class=\"t %s\">", i ? " " : " · ", triages[i]);
    esc(&b, triage_label(L, triages[i]));
    qs_buf_add(&b, "</span>");
  }
  qs_buf_add(&b, "</p>\n");
  /* The filter (the script; kept in the address's fragment). */
  qs_buf_add(&b, "<div class=\"filter\"><label>");
  esc_msg(&b, L, QS_M_INDEX_FILTER);
  qs_buf_add(&b, "<input type=\"search\" id=\"q\" autocomplete=\"off\"></label> <label>");
  esc(&b, qs_column_title(L, "triage"));
  qs_buf_add(&b, " <select id=\"triage\"><option value=\"\">");
  esc_msg(&b, L, QS_M_INDEX_FILTER_ALL);
  qs_buf_add(&b, "</option>");
  for (size_t i = 0; i < 3; i++) {
    qs_buf_addf(&b, "<option value=\"%s\">", triages[i]);
    esc(&b, triage_label(L, triages[i]));
    qs_buf_add(&b, "</option>");
  }
  qs_buf_add(&b, "</select></label></div>\n");
  qs_buf_add(&b, "<table class=\"sortable\" id=\"ranking\"><thead><tr>");
  static const char *const head[] = {"rank",     "region-rank", "id",   "title",
                                     "province", "chain",       "total"};
  column_heads(&b, L, head, sizeof head / sizeof head[0]);
  for (size_t i = 0; i < t->rubric->n_inds; i++) {
    qs_buf_add(&b, "<th title=\"");
    esc(&b, t->rubric->inds[i].name);
    qs_buf_add(&b, "\">");
    esc(&b, qs_indicator_title(L, &t->rubric->inds[i]));
    qs_buf_add(&b, "</th>");
  }
  static const char *const tail[] = {"triage", "flags", "report"};
  column_heads(&b, L, tail, 3);
  qs_buf_add(&b, "</tr></thead><tbody>\n");
  for (size_t k = 0; k < t->n_rows; k++) {
    const qs_row *r = t->ranked[k];
    qs_buf_addf(&b, "<tr class=\"%s\"><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td",
                r->triage, r->rank, r->region_rank);
    if (r->duplicate_id) {
      qs_buf_add(&b, " class=\"id dup\" title=\"");
      esc_msg(&b, L, QS_M_INDEX_DUPLICATE);
      qs_buf_add(&b, "\"");
    } else {
      qs_buf_add(&b, " class=\"id\"");
    }
    qs_buf_add(&b, ">");
    esc(&b, r->id);
    qs_buf_add(&b, "</td><td class=\"title\">");
    esc(&b, r->title);
    qs_buf_add(&b, "</td><td class=\"region\">");
    esc(&b, r->province_name[0] ? r->province_name : r->region);
    qs_buf_add(&b, "</td><td class=\"chain\">");
    esc(&b, r->chain);
    qs_buf_addf(&b, "</td><td class=\"n\">%d</td>", r->total);
    for (size_t i = 0; i < t->rubric->n_inds; i++)
      qs_buf_addf(&b, "<td class=\"n\">%d</td>", r->points[i]);
    qs_buf_addf(&b, "<td class=\"t\" data-v=\"%s\">%s</td><td class=\"n\">%d</td><td>", r->triage,
                triage_label(L, r->triage), r->n_flags);
    if (r->report) { /* none when the report could not be written (said on stderr) */
      qs_buf_add(&b, "<a href=\"");
      esc(&b, r->report);
      qs_buf_add(&b, ".html\">");
      esc_msg(&b, L, QS_M_INDEX_REPORT_LINK);
      qs_buf_add(&b, "</a>");
    }
    qs_buf_add(&b, "</td></tr>\n");
    qs_file_put(f, &b);
  }
  qs_buf_add(&b, "</tbody></table>\n");

  if (t->n_errors) {
    heading(&b, L, QS_M_INDEX_NOT_SCORED);
    static const char *const errors_head[] = {"file", "line", "message"};
    qs_buf_add(&b, "<table class=\"sortable\"><thead><tr>");
    column_heads(&b, L, errors_head, 3);
    qs_buf_add(&b, "</tr></thead><tbody>\n");
    for (size_t i = 0; i < t->n_errors; i++) {
      qs_buf_add(&b, "<tr><td>");
      esc(&b, t->errors[i].path);
      qs_buf_addf(&b, "</td><td class=\"n\">%ld</td><td>", t->errors[i].line);
      esc(&b, t->errors[i].message);
      qs_buf_add(&b, "</td></tr>\n");
      qs_file_put(f, &b);
    }
    qs_buf_add(&b, "</tbody></table>\n");
  }
  qs_buf_addf(&b, "<script>%s</script>\n</body>\n</html>\n", script);
  qs_file_write(f, b.s, b.len);
  qs_buf_free(&b);
}
