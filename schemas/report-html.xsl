<?xml version="1.0" encoding="UTF-8"?>
<!--
  report-html.xsl: the HTML report of one submission, made from its XML report
  (schemas/report-2025.xsd). One self-contained page: no script, no external file, no network.

  Layout, after the strengths / areas-for-improvement sheets excellence-award assessors use:
  a header (project, region, chain, total, triage, the notice that the score is a suggestion),
  the source (the input file, its SHA-256 and the rules' hash, in full and selectable),
  a chart of points against maxima, then per indicator a card: the band and its official wording,
  the points and why there in the band, the evidence used, the evidence excluded and why, what
  is missing for the next band, and the flags; at the end a block for the reviewer's opinion,
  signature and date, and in print the page numbers. Chinese by default; English when the report's
  @lang is en (the official wording stays Chinese, with the gloss beside it).

  The words of the page's own are in the template "t" below (render_html.c has the same); the
  names of evidence kinds, flags and severities come from the catalogs through the XML report
  (@element-label, @kind-label, @label, @severity-label, in the report's language).

  An office may copy this file, change it, and use it with `qscore score -\-format html
  -\-stylesheet FILE`: the XML carries everything the page shows.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:qscore:report:2025"
                exclude-result-prefixes="r">

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:variable name="en" select="/r:report/@lang = 'en'"/>
  <xsl:key name="evidence" match="r:evidence" use="@id"/>

  <!-- Every word of the page that is not data, in both languages. -->
  <xsl:template name="t">
    <xsl:param name="k"/>
    <xsl:choose>
      <xsl:when test="$en">
        <xsl:choose>
          <xsl:when test="$k = 'title'">Suggested score</xsl:when>
          <xsl:when test="$k = 'region'">Region</xsl:when>
          <xsl:when test="$k = 'chain'">Chain</xsl:when>
          <xsl:when test="$k = 'start'">Work start</xsl:when>
          <xsl:when test="$k = 'window'">Results window</xsl:when>
          <xsl:when test="$k = 'asof'">Scoring day</xsl:when>
          <xsl:when test="$k = 'total'">Total</xsl:when>
          <xsl:when test="$k = 'triage'">Triage</xsl:when>
          <xsl:when test="$k = 'self'">self-assessed</xsl:when>
          <xsl:when test="$k = 'points'">Points against maxima</xsl:when>
          <xsl:when test="$k = 'sections'">Sections</xsl:when>
          <xsl:when test="$k = 'flags'">Flags</xsl:when>
          <xsl:when test="$k = 'band'">Band</xsl:when>
          <xsl:when test="$k = 'noband'">No band reached: 0 points</xsl:when>
          <xsl:when test="$k = 'notscored'">Not scored automatically</xsl:when>
          <xsl:when test="$k = 'why'">Why these points in the band</xsl:when>
          <xsl:when test="$k = 'base'">band minimum</xsl:when>
          <xsl:when test="$k = 'capped'">capped at the band maximum</xsl:when>
          <xsl:when test="$k = 'reasons'">What holds</xsl:when>
          <xsl:when test="$k = 'used'">Evidence used</xsl:when>
          <xsl:when test="$k = 'excluded'">Evidence not counted</xsl:when>
          <xsl:when test="$k = 'gaps'">Missing for the next band</xsl:when>
          <xsl:when test="$k = 'id'">Id</xsl:when>
          <xsl:when test="$k = 'kind'">Kind</xsl:when>
          <xsl:when test="$k = 'name'">Name / code</xsl:when>
          <xsl:when test="$k = 'number'">Number</xsl:when>
          <xsl:when test="$k = 'date'">Date</xsl:when>
          <xsl:when test="$k = 'enterprise'">Enterprise</xsl:when>
          <xsl:when test="$k = 'line'">Line</xsl:when>
          <xsl:when test="$k = 'recommend'">recommend</xsl:when>
          <xsl:when test="$k = 'review'">review</xsl:when>
          <xsl:when test="$k = 'reject'">reject</xsl:when>
          <xsl:when test="$k = 'footer'">qscore suggests; the reviewer decides. Every point above cites the application's evidence by id and the rubric's own wording.</xsl:when>
          <xsl:when test="$k = 'input'">Input SHA-256</xsl:when>
          <xsl:when test="$k = 'rules'">Rules SHA-256</xsl:when>
          <xsl:when test="$k = 'edition'">Rubric</xsl:when>
          <xsl:when test="$k = 'none'">none</xsl:when>
          <xsl:when test="$k = 'advisory'">Suggested by the system, for reference only</xsl:when>
          <xsl:when test="$k = 'source'">Source</xsl:when>
          <xsl:when test="$k = 'file'">Input file</xsl:when>
          <xsl:when test="$k = 'opinion'">Reviewer's opinion</xsl:when>
          <xsl:when test="$k = 'signature'">Reviewer's signature</xsl:when>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="$k = 'title'">建议评分</xsl:when>
          <xsl:when test="$k = 'region'">地区</xsl:when>
          <xsl:when test="$k = 'chain'">产业链</xsl:when>
          <xsl:when test="$k = 'start'">开工日期</xsl:when>
          <xsl:when test="$k = 'window'">成效评价期</xsl:when>
          <xsl:when test="$k = 'asof'">评审基准日</xsl:when>
          <xsl:when test="$k = 'total'">总分</xsl:when>
          <xsl:when test="$k = 'triage'">初筛建议</xsl:when>
          <xsl:when test="$k = 'self'">自评</xsl:when>
          <xsl:when test="$k = 'points'">各项得分与满分</xsl:when>
          <xsl:when test="$k = 'sections'">分部得分</xsl:when>
          <xsl:when test="$k = 'flags'">提示</xsl:when>
          <xsl:when test="$k = 'band'">档位</xsl:when>
          <xsl:when test="$k = 'noband'">未达到任何档位：0 分</xsl:when>
          <xsl:when test="$k = 'notscored'">未自动评分</xsl:when>
          <xsl:when test="$k = 'why'">档内得分依据</xsl:when>
          <xsl:when test="$k = 'base'">本档起点</xsl:when>
          <xsl:when test="$k = 'capped'">已封顶于本档上限</xsl:when>
          <xsl:when test="$k = 'reasons'">满足的条件</xsl:when>
          <xsl:when test="$k = 'used'">所用证据</xsl:when>
          <xsl:when test="$k = 'excluded'">未计入的证据</xsl:when>
          <xsl:when test="$k = 'gaps'">距上一档所缺</xsl:when>
          <xsl:when test="$k = 'id'">编号</xsl:when>
          <xsl:when test="$k = 'kind'">类别</xsl:when>
          <xsl:when test="$k = 'name'">名称/编号</xsl:when>
          <xsl:when test="$k = 'number'">证书/文号</xsl:when>
          <xsl:when test="$k = 'date'">日期</xsl:when>
          <xsl:when test="$k = 'enterprise'">企业</xsl:when>
          <xsl:when test="$k = 'line'">行</xsl:when>
          <xsl:when test="$k = 'recommend'">推荐</xsl:when>
          <xsl:when test="$k = 'review'">复核</xsl:when>
          <xsl:when test="$k = 'reject'">不推荐</xsl:when>
          <xsl:when test="$k = 'footer'">qscore 只给出建议，由评审人决定。上文每一分都注明所依据的申报证据编号和评价要求原文。</xsl:when>
          <xsl:when test="$k = 'input'">申报文件 SHA-256</xsl:when>
          <xsl:when test="$k = 'rules'">规则 SHA-256</xsl:when>
          <xsl:when test="$k = 'edition'">评价要求</xsl:when>
          <xsl:when test="$k = 'none'">无</xsl:when>
          <xsl:when test="$k = 'advisory'">系统建议分，仅供参考</xsl:when>
          <xsl:when test="$k = 'source'">来源</xsl:when>
          <xsl:when test="$k = 'file'">申报文件</xsl:when>
          <xsl:when test="$k = 'opinion'">评审意见</xsl:when>
          <xsl:when test="$k = 'signature'">评审人签字</xsl:when>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/r:report">
    <html lang="{substring('zh-CNen', 1 + 5 * number($en), 5 - 3 * number($en))}">
      <head>
        <meta http-equiv="Content-Security-Policy"
              content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="r:submission/r:title"/> · qscore</title>
        <style>
          body{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;color:#222;
               max-width:60em;margin:1.5em auto;padding:0 1em;line-height:1.5}
          h1{font-size:1.45em;margin-bottom:.2em} h2{font-size:1.15em;margin:0}
          h3{font-size:1em;margin:.8em 0 .3em}
          .meta{color:#555;font-size:.9em} .meta span{margin-right:1.2em;white-space:nowrap}
          .total{font-size:1.3em;margin:.6em 0} .total b{font-size:1.4em}
          .triage{display:inline-block;padding:.1em .6em;border-radius:.3em;font-weight:bold}
          .recommend{background:#e2f0d9} .review{background:#fff2cc} .reject{background:#f8cbad}
          .card{border:1px solid #ccc;border-radius:.4em;padding:.8em 1em;margin:1em 0}
          .card .head{display:flex;justify-content:space-between;align-items:baseline}
          .pts{font-size:1.2em;font-weight:bold;white-space:nowrap}
          .official{background:#f4f7fb;border-left:3px solid #5b9bd5;padding:.3em .6em;margin:.4em 0}
          .gloss{color:#555;font-size:.9em}
          ul{margin:.2em 0;padding-left:1.3em} li{margin:.15em 0}
          .cite{font-family:monospace;font-size:.85em;color:#1f4e79} td.date{white-space:nowrap}
          .absent{color:#888} .present{color:#222}
          table{border-collapse:collapse;font-size:.85em;width:100%}
          th,td{border:1px solid #ddd;padding:.2em .4em;text-align:left;vertical-align:top}
          th{background:#ddebf7}
          .flag-error{color:#a00} .flag-warning{color:#8a5a00} .flag-info{color:#555}
          .foot{color:#666;font-size:.8em;margin-top:2em;border-top:1px solid #ccc;padding-top:.6em;
                word-break:break-all}
          svg text{font-size:12px}
          @page{size:A4;margin:14mm}
          /* Print: smaller type, a card starts on a new page only when its head would be
             orphaned; rows, list items and the band wording are never split. */
          @media print{body{max-width:none;margin:0;font-size:9pt;line-height:1.35}
            .card{border:none;border-top:2px solid #5b9bd5;border-radius:0;padding:.4em 0;margin:.8em 0}
            .card .head,h3{break-after:avoid} tr,li,.official,svg{break-inside:avoid}
            a.cite{color:#1f4e79;text-decoration:none}}
          .advisory{display:inline-block;border:1px solid #c00;color:#c00;padding:.1em .6em;margin:.2em 0}
          .source th{width:12em;white-space:nowrap} .hash{font-family:monospace;word-break:break-all;user-select:all}
          .sign{margin-top:2em;break-inside:avoid} .opinion{border:1px solid #888;height:9em;margin:.3em 0 1.2em}
          .sig{display:flex;gap:4em} .blank{display:inline-block;border-bottom:1px solid #222;min-width:14em;height:1.4em}
          /* Page numbers in print (CSS paged media margin boxes). */
          <xsl:choose><xsl:when test="$en">@page{@bottom-center{content:"Page " counter(page) " of " counter(pages);font-size:9pt}}</xsl:when><xsl:otherwise>@page{@bottom-center{content:"第 " counter(page) " 页 共 " counter(pages) " 页";font-size:9pt}}</xsl:otherwise></xsl:choose>
        </style>
      </head>
      <body>
        <header>
          <div class="meta"><xsl:value-of select="r:rubric-title"/></div>
          <h1><xsl:value-of select="r:submission/r:title"/></h1>
          <div class="meta">
            <span><xsl:value-of select="r:submission/@id"/></span>
            <span><xsl:call-template name="t"><xsl:with-param name="k" select="'region'"/></xsl:call-template>:
              <xsl:value-of select="r:submission/r:region"/></span>
            <span><xsl:call-template name="t"><xsl:with-param name="k" select="'chain'"/></xsl:call-template>:
              <xsl:value-of select="r:submission/r:chain"/></span>
            <span><xsl:call-template name="t"><xsl:with-param name="k" select="'start'"/></xsl:call-template>:
              <xsl:value-of select="r:submission/@work-start"/></span>
            <span><xsl:call-template name="t"><xsl:with-param name="k" select="'window'"/></xsl:call-template>:
              <xsl:value-of select="r:submission/@window-start"/> – <xsl:value-of select="r:submission/@window-end"/></span>
            <span><xsl:call-template name="t"><xsl:with-param name="k" select="'asof'"/></xsl:call-template>:
              <xsl:value-of select="r:submission/@as-of"/></span>
          </div>
          <div class="total">
            <xsl:call-template name="t"><xsl:with-param name="k" select="'total'"/></xsl:call-template>
            <xsl:text> </xsl:text><b><xsl:value-of select="r:total/@points"/></b> / <xsl:value-of select="r:total/@max"/>
            <xsl:if test="r:total/@self-points">
              <span class="meta"> (<xsl:call-template name="t"><xsl:with-param name="k" select="'self'"/></xsl:call-template>
              <xsl:text> </xsl:text><xsl:value-of select="r:total/@self-points"/>)</span>
            </xsl:if>
            <xsl:text>  </xsl:text>
            <span class="triage {r:total/@triage}">
              <xsl:call-template name="t"><xsl:with-param name="k" select="'triage'"/></xsl:call-template>:
              <xsl:call-template name="t"><xsl:with-param name="k" select="r:total/@triage"/></xsl:call-template>
            </span>
          </div>
          <div class="advisory"><xsl:call-template name="t"><xsl:with-param name="k" select="'advisory'"/></xsl:call-template></div>
        </header>

        <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'source'"/></xsl:call-template></h3>
        <table class="source">
          <tr><th><xsl:call-template name="t"><xsl:with-param name="k" select="'file'"/></xsl:call-template></th>
            <td><xsl:value-of select="r:input/@path"/></td></tr>
          <tr><th><xsl:call-template name="t"><xsl:with-param name="k" select="'input'"/></xsl:call-template></th>
            <td class="hash"><xsl:value-of select="r:input/@sha256"/></td></tr>
          <tr><th><xsl:call-template name="t"><xsl:with-param name="k" select="'rules'"/></xsl:call-template></th>
            <td class="hash"><xsl:value-of select="@rules-sha256"/></td></tr>
          <tr><th><xsl:call-template name="t"><xsl:with-param name="k" select="'edition'"/></xsl:call-template></th>
            <td><xsl:value-of select="@edition"/> · qscore <xsl:value-of select="@qscore-version"/></td></tr>
        </table>

        <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'points'"/></xsl:call-template></h3>
        <xsl:call-template name="chart"/>

        <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'sections'"/></xsl:call-template></h3>
        <table>
          <xsl:for-each select="r:section">
            <tr><td><xsl:value-of select="r:name"/><xsl:if test="$en"> (<xsl:value-of select="r:name-en"/>)</xsl:if></td>
              <td><xsl:value-of select="@points"/> / <xsl:value-of select="@max"/></td></tr>
          </xsl:for-each>
        </table>

        <xsl:if test="r:flag">
          <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'flags'"/></xsl:call-template></h3>
          <ul><xsl:apply-templates select="r:flag"/></ul>
        </xsl:if>

        <xsl:apply-templates select="r:indicator"/>

        <section class="sign">
          <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'opinion'"/></xsl:call-template></h3>
          <div class="opinion"></div>
          <div class="sig">
            <span><xsl:call-template name="t"><xsl:with-param name="k" select="'signature'"/></xsl:call-template>: <span class="blank"></span></span>
            <span><xsl:call-template name="t"><xsl:with-param name="k" select="'date'"/></xsl:call-template>: <span class="blank"></span></span>
          </div>
        </section>

        <div class="foot">
          <div><xsl:call-template name="t"><xsl:with-param name="k" select="'footer'"/></xsl:call-template></div>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- Horizontal bars: the maximum in grey, the points in blue. -->
  <xsl:template name="chart">
    <xsl:variable name="rows" select="count(r:indicator)"/>
    <svg xmlns="http://www.w3.org/2000/svg" width="640" height="{$rows * 24 + 10}" role="img"
         viewBox="0 0 640 {$rows * 24 + 10}">
      <xsl:for-each select="r:indicator">
        <xsl:variable name="y" select="(position() - 1) * 24 + 5"/>
        <text x="0" y="{$y + 14}">
          <xsl:choose>
            <xsl:when test="$en"><xsl:value-of select="@id"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="r:name"/></xsl:otherwise>
          </xsl:choose>
        </text>
        <rect x="200" y="{$y}" width="{@max * 26}" height="18" fill="#e7e6e6"/>
        <rect x="200" y="{$y}" width="{@points * 26}" height="18" fill="#5b9bd5"/>
        <text x="{200 + @max * 26 + 6}" y="{$y + 14}"><xsl:value-of select="@points"/>/<xsl:value-of select="@max"/></text>
      </xsl:for-each>
    </svg>
  </xsl:template>

  <xsl:template match="r:flag">
    <li class="flag-{@severity}">
      <b><xsl:value-of select="@severity-label"/></b>
      <xsl:if test="@label != @code"><xsl:text> </xsl:text><xsl:value-of select="@label"/></xsl:if>
      <xsl:text> </xsl:text><span class="cite"><xsl:value-of select="@code"/></span>:
      <xsl:value-of select="r:text"/>
      <xsl:apply-templates select="r:cite"/>
    </li>
  </xsl:template>

  <xsl:template match="r:cite">
    <xsl:text> </xsl:text><a class="cite" href="#ev-{../../@id}-{@ref}"><xsl:value-of select="@ref"/></a>
  </xsl:template>

  <xsl:template match="r:indicator">
    <section class="card" id="{@id}" data-indicator="{@id}" data-points="{@points}" data-max="{@max}">
      <xsl:if test="r:band"><xsl:attribute name="data-band"><xsl:value-of select="r:band/@level"/></xsl:attribute></xsl:if>
      <div class="head">
        <h2><xsl:value-of select="r:name"/>
          <span class="meta"><xsl:text> </xsl:text><xsl:value-of select="@id"/>
            <xsl:if test="$en"> · <xsl:value-of select="r:name-en"/></xsl:if></span></h2>
        <span class="pts"><xsl:value-of select="@points"/> / <xsl:value-of select="@max"/>
          <xsl:if test="@self-points"><span class="meta"> (<xsl:call-template name="t"><xsl:with-param name="k" select="'self'"/></xsl:call-template>
            <xsl:text> </xsl:text><xsl:value-of select="@self-points"/>)</span></xsl:if></span>
      </div>
      <xsl:choose>
        <xsl:when test="r:band">
          <div class="official">
            <b><xsl:call-template name="t"><xsl:with-param name="k" select="'band'"/></xsl:call-template>
              <xsl:text> </xsl:text><xsl:value-of select="r:band/@min"/>
              <xsl:if test="r:band/@max != r:band/@min">-<xsl:value-of select="r:band/@max"/></xsl:if></b>:
            <xsl:value-of select="r:band/r:text"/>
            <xsl:if test="$en"><div class="gloss"><xsl:value-of select="r:band/r:gloss"/></div></xsl:if>
          </div>
          <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'reasons'"/></xsl:call-template></h3>
          <ul>
            <xsl:for-each select="r:reason[@condition]">
              <li><xsl:value-of select="r:text"/><xsl:apply-templates select="r:cite"/></li>
            </xsl:for-each>
          </ul>
          <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'why'"/></xsl:call-template></h3>
          <ul>
            <li><xsl:call-template name="t"><xsl:with-param name="k" select="'base'"/></xsl:call-template>
              <xsl:text> </xsl:text><xsl:value-of select="r:placement/@base"/></li>
            <xsl:for-each select="r:placement/r:factor">
              <xsl:variable name="id" select="@id"/>
              <li>
                <xsl:attribute name="class">
                  <xsl:choose><xsl:when test="@present = 'true'">present</xsl:when><xsl:otherwise>absent</xsl:otherwise></xsl:choose>
                </xsl:attribute>
                <xsl:choose>
                  <xsl:when test="@present = 'true'">+<xsl:value-of select="@points"/></xsl:when>
                  <xsl:otherwise>(+<xsl:value-of select="@points"/>)</xsl:otherwise>
                </xsl:choose>
                <xsl:text> </xsl:text><xsl:value-of select="r:text"/>
                <xsl:for-each select="../../r:reason[@factor = $id]">
                  <div class="gloss">· <xsl:value-of select="r:text"/><xsl:apply-templates select="r:cite"/></div>
                </xsl:for-each>
              </li>
            </xsl:for-each>
            <xsl:if test="r:placement/@capped = 'true'">
              <li><xsl:call-template name="t"><xsl:with-param name="k" select="'capped'"/></xsl:call-template></li>
            </xsl:if>
          </ul>
        </xsl:when>
        <xsl:when test="@scored = 'false'">
          <div class="official"><xsl:call-template name="t"><xsl:with-param name="k" select="'notscored'"/></xsl:call-template></div>
        </xsl:when>
        <xsl:otherwise>
          <div class="official"><xsl:call-template name="t"><xsl:with-param name="k" select="'noband'"/></xsl:call-template></div>
        </xsl:otherwise>
      </xsl:choose>

      <xsl:call-template name="evidence-table"/>

      <xsl:if test="r:excluded">
        <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'excluded'"/></xsl:call-template></h3>
        <ul>
          <xsl:for-each select="r:excluded">
            <li><a class="cite" href="#ev-{../@id}-{@ref}"><xsl:value-of select="@ref"/></a>
              <xsl:text> </xsl:text><xsl:value-of select="r:text"/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>

      <xsl:if test="r:gap">
        <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'gaps'"/></xsl:call-template>
          (<xsl:value-of select="r:gap[1]/@min"/><xsl:if test="r:gap[1]/@max != r:gap[1]/@min">-<xsl:value-of select="r:gap[1]/@max"/></xsl:if>)</h3>
        <ul>
          <xsl:for-each select="r:gap"><li><xsl:value-of select="r:text"/></li></xsl:for-each>
        </ul>
      </xsl:if>

      <xsl:if test="r:flag">
        <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'flags'"/></xsl:call-template></h3>
        <ul><xsl:apply-templates select="r:flag"/></ul>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- Each evidence item the card cites or excludes, once, in document order (key() on a
       node-set gives their union: an index lookup per reference, not a scan of all evidence
       for each). -->
  <xsl:template name="evidence-table">
    <xsl:variable name="card" select="."/>
    <xsl:variable name="items" select="key('evidence', $card//r:cite/@ref | $card/r:excluded/@ref)"/>
    <xsl:if test="$items">
      <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'used'"/></xsl:call-template></h3>
      <table>
        <tr>
          <th><xsl:call-template name="t"><xsl:with-param name="k" select="'id'"/></xsl:call-template></th>
          <th><xsl:call-template name="t"><xsl:with-param name="k" select="'kind'"/></xsl:call-template></th>
          <th><xsl:call-template name="t"><xsl:with-param name="k" select="'name'"/></xsl:call-template></th>
          <th><xsl:call-template name="t"><xsl:with-param name="k" select="'number'"/></xsl:call-template></th>
          <th><xsl:call-template name="t"><xsl:with-param name="k" select="'date'"/></xsl:call-template></th>
          <th><xsl:call-template name="t"><xsl:with-param name="k" select="'enterprise'"/></xsl:call-template></th>
        </tr>
        <xsl:for-each select="$items">
          <tr id="ev-{$card/@id}-{@id}">
            <td class="cite"><xsl:value-of select="@id"/></td>
            <td><xsl:value-of select="@element-label"/><xsl:if test="@kind != '' and @kind != @element"> · <xsl:value-of select="@kind-label"/></xsl:if></td>
            <td><xsl:value-of select="r:label"/></td>
            <td><xsl:value-of select="@number"/></td>
            <td class="date"><xsl:value-of select="@date"/></td>
            <td><xsl:value-of select="r:enterprise-name"/></td>
          </tr>
        </xsl:for-each>
      </table>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
