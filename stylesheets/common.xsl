<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what every document shares. Imported by each document kind's
  stylesheet (stylesheets/<kind>.xsl), which must define $kind.

  A stylesheet selects and arranges; it never computes a figure: every
  number comes from the facts (docs/facts.md). Formatting (a number's
  decimals, minutes shown as hours) is arrangement.

  Parameters (from dossier): $number, the register document; $lang, zh-CN or en.
  Namespaces: f the facts, d the sources, md CommonMark's XML of Markdown
  prose, and the layout vocabulary as the default output namespace.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:dossier:layout:1"
    xmlns:l="urn:dossier:layout:1"
    xmlns:f="urn:dossier:facts:1"
    xmlns:d="urn:dossier:1"
    xmlns:md="http://commonmark.org/xml/1.0"
    exclude-result-prefixes="f d md l">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="number"/>
  <xsl:param name="lang" select="'zh-CN'"/>
  <!-- set by dossier pack: nothing classified above this level may show -->
  <xsl:param name="max-class" select="''"/>

  <xsl:variable name="facts" select="/f:facts"/>
  <xsl:variable name="doc" select="$facts/f:register/d:document[@number = $number]"/>
  <xsl:variable name="org" select="$facts/f:organisation/d:organisation"/>
  <xsl:variable name="en" select="$lang = 'en'"/>
  <xsl:variable name="period" select="$facts/@period"/>
  <xsl:variable name="period-end" select="$facts/@period-end"/>
  <xsl:variable name="policy" select="$facts/f:policies/f:edition[@in-force = 'true']"/>
  <xsl:variable name="templates" select="document('../templates/layout.xml')/l:templates/l:set[@lang = $lang]"/>
  <xsl:variable name="labels-common" select="document(concat('../templates/labels/', $lang, '.xml'))/labels/label"/>
  <xsl:variable name="labels-kind" select="document(concat('../templates/labels/', $kind, '.', $lang, '.xml'))/labels/label"/>
  <!-- indexes: labels by key, records of the facts by id -->
  <xsl:key name="label" match="label" use="@key"/>
  <xsl:key name="service" match="f:services/d:service" use="@id"/>
  <xsl:key name="function" match="f:functions/d:function" use="@id"/>
  <xsl:key name="person" match="f:organisation/d:organisation/d:person" use="@id"/>
  <!-- the revision in force: the last one -->
  <xsl:variable name="rev" select="$doc/d:revision[last()]"/>
  <xsl:variable name="draft" select="starts-with($doc/@version, 'V0.')"/>
  <!-- the rank of the highest classification a detail shown may carry: the
       document's own, lowered to $max-class in an audit pack -->
  <xsl:variable name="class-levels" select="$policy/d:classifications/d:level"/>
  <xsl:variable name="doc-class-rank" select="number($class-levels[@id = $doc/@classification]/@rank)"/>
  <xsl:variable name="max-class-rank" select="number($class-levels[@id = $max-class]/@rank)"/>
  <xsl:variable name="class-limit-rank">
    <xsl:choose>
      <xsl:when test="$max-class != '' and $max-class-rank &lt; $doc-class-rank"><xsl:value-of select="$max-class-rank"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$doc-class-rank"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ===== words ===== -->

  <!-- Where a label is: 'kind' (the kind's catalogue), 'common', or ''.
       Looked up by key (an index): a document asks for thousands. -->
  <xsl:template name="label-in">
    <xsl:param name="key"/>
    <xsl:variable name="k" select="string($key)"/>
    <xsl:variable name="in-kind"><xsl:for-each select="$labels-kind[1]"><xsl:if test="key('label', $k)">1</xsl:if></xsl:for-each></xsl:variable>
    <xsl:choose>
      <xsl:when test="$in-kind = '1'">kind</xsl:when>
      <xsl:otherwise><xsl:for-each select="$labels-common[1]"><xsl:if test="key('label', $k)">common</xsl:if></xsl:for-each></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A label from the catalogue of the kind, else the common one. -->
  <xsl:template name="label">
    <xsl:param name="key"/>
    <xsl:variable name="k" select="string($key)"/>
    <xsl:variable name="in"><xsl:call-template name="label-in"><xsl:with-param name="key" select="$k"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="$in = 'kind'"><xsl:for-each select="$labels-kind[1]"><xsl:value-of select="key('label', $k)"/></xsl:for-each></xsl:when>
      <xsl:when test="$in = 'common'"><xsl:for-each select="$labels-common[1]"><xsl:value-of select="key('label', $k)"/></xsl:for-each></xsl:when>
      <xsl:otherwise>
        <xsl:message>dossier: no label '<xsl:value-of select="$k"/>' for <xsl:value-of select="$lang"/></xsl:message>
        <xsl:value-of select="$k"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the same, short to write: <xsl:call-template name="L"><xsl:with-param name="k" select="'key'"/> -->
  <xsl:template name="L">
    <xsl:param name="k"/>
    <xsl:call-template name="label"><xsl:with-param name="key" select="$k"/></xsl:call-template>
  </xsl:template>

  <!-- The text of one of several elements in the document's language:
       xml:lang="en" for English, no xml:lang (or zh-CN) for Chinese; the
       other language when this one is missing. -->
  <xsl:template name="t">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$en and $n[lang('en')]"><xsl:value-of select="normalize-space($n[lang('en')][1])"/></xsl:when>
      <xsl:when test="not($en) and $n[not(@xml:lang) or lang('zh')]"><xsl:value-of select="normalize-space($n[not(@xml:lang) or lang('zh')][1])"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($n[1])"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Names of records by id. -->
  <xsl:template name="person">
    <xsl:param name="id"/>
    <xsl:for-each select="$facts">
      <xsl:call-template name="t"><xsl:with-param name="n" select="key('person', $id)/d:name"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>
  <xsl:template name="role">
    <xsl:param name="id"/>
    <xsl:call-template name="t"><xsl:with-param name="n" select="$org/d:role[@id = $id]/d:name"/></xsl:call-template>
  </xsl:template>
  <xsl:template name="department">
    <xsl:param name="id"/>
    <xsl:call-template name="t"><xsl:with-param name="n" select="$org/d:department[@id = $id]/d:name"/></xsl:call-template>
  </xsl:template>
  <xsl:template name="service-name">
    <xsl:param name="id"/>
    <xsl:for-each select="$facts">
      <xsl:call-template name="t"><xsl:with-param name="n" select="key('service', $id)/d:name"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>
  <xsl:template name="class-name">
    <xsl:param name="id"/>
    <xsl:call-template name="t"><xsl:with-param name="n" select="$policy/d:classifications/d:level[@id = $id]/d:name"/></xsl:call-template>
  </xsl:template>
  <xsl:template name="grade-name">
    <xsl:param name="id"/>
    <xsl:call-template name="t"><xsl:with-param name="n" select="$policy/d:incident-policy/d:grade[@id = $id]/d:name"/></xsl:call-template>
  </xsl:template>
  <xsl:template name="title">
    <xsl:call-template name="t"><xsl:with-param name="n" select="$doc/d:title"/></xsl:call-template>
  </xsl:template>
  <xsl:template name="org-name">
    <xsl:call-template name="t"><xsl:with-param name="n" select="$org/d:name"/></xsl:call-template>
  </xsl:template>

  <!-- ===== numbers and dates (formatting only) ===== -->

  <!-- minutes: "45 分钟", "4 小时", "3 天"; fractions as minutes -->
  <xsl:template name="minutes">
    <xsl:param name="m"/>
    <xsl:variable name="sp"><xsl:if test="$en"><xsl:text> </xsl:text></xsl:if></xsl:variable>
    <xsl:choose>
      <xsl:when test="string($m) = '' or string(number($m)) = 'NaN'"><xsl:call-template name="label"><xsl:with-param name="key" select="'na'"/></xsl:call-template></xsl:when>
      <xsl:when test="$m &gt;= 2880 and $m mod 1440 = 0"><xsl:value-of select="$m div 1440"/><xsl:value-of select="$sp"/><xsl:call-template name="label"><xsl:with-param name="key" select="'days'"/></xsl:call-template></xsl:when>
      <xsl:when test="$m &gt;= 120 and $m mod 60 = 0"><xsl:value-of select="$m div 60"/><xsl:value-of select="$sp"/><xsl:call-template name="label"><xsl:with-param name="key" select="'hours'"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($m, '#,##0.#')"/><xsl:value-of select="$sp"/><xsl:call-template name="label"><xsl:with-param name="key" select="'minutes'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a duration as the sources write it (1h30min, 45min, 2d, 30s, 1w) in
       words: "1小时30分钟" / "1 h 30 min"; $none when there is none (default:
       the "not applicable" label) -->
  <xsl:template name="dur">
    <xsl:param name="d"/>
    <xsl:param name="none"/>
    <xsl:variable name="x" select="normalize-space($d)"/>
    <xsl:choose>
      <xsl:when test="$x = '' and string($none) != ''"><xsl:value-of select="$none"/></xsl:when>
      <xsl:when test="$x = ''"><xsl:call-template name="label"><xsl:with-param name="key" select="'na'"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="dur-parts"><xsl:with-param name="x" select="$x"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="dur-parts">
    <xsl:param name="x"/>
    <xsl:param name="first" select="true()"/>
    <xsl:if test="$x != ''">
      <xsl:variable name="c" select="substring(translate($x, '0123456789.', ''), 1, 1)"/>
      <xsl:variable name="n" select="substring-before($x, $c)"/>
      <xsl:choose>
        <xsl:when test="$c = '' or $n = ''"><xsl:value-of select="$x"/></xsl:when>
        <xsl:otherwise>
          <xsl:variable name="rest" select="substring($x, string-length($n) + 1)"/>
          <xsl:variable name="u">
            <xsl:choose>
              <xsl:when test="starts-with($rest, 'min')">min</xsl:when>
              <xsl:otherwise><xsl:value-of select="$c"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:if test="$en and not($first)"><xsl:text> </xsl:text></xsl:if>
          <xsl:value-of select="$n"/>
          <xsl:if test="$en"><xsl:text> </xsl:text></xsl:if>
          <xsl:call-template name="label"><xsl:with-param name="key" select="concat('dur.', $u)"/></xsl:call-template>
          <xsl:call-template name="dur-parts">
            <xsl:with-param name="x" select="substring($rest, string-length($u) + 1)"/>
            <xsl:with-param name="first" select="false()"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- a percentage with a given number of decimals -->
  <xsl:template name="pct">
    <xsl:param name="v"/>
    <xsl:param name="digits" select="3"/>
    <xsl:choose>
      <xsl:when test="string($v) = '' or string(number($v)) = 'NaN'"><xsl:call-template name="label"><xsl:with-param name="key" select="'na'"/></xsl:call-template></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="format-number($v, concat('0.', substring('000000', 1, $digits)))"/>
        <xsl:text>%</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a chart value: at most 6 decimals; empty (a gap) when there is none -->
  <xsl:template name="v">
    <xsl:param name="x"/>
    <v><xsl:if test="string($x) != '' and string(number($x)) != 'NaN'"><xsl:value-of select="format-number($x, '0.######')"/></xsl:if></v>
  </xsl:template>

  <!-- 2026-10-31 -> 2026年10月31日 / 31 October 2026 -->
  <xsl:template name="date">
    <xsl:param name="d"/>
    <xsl:choose>
      <xsl:when test="string-length($d) &lt; 10"><xsl:value-of select="$d"/></xsl:when>
      <xsl:when test="$en">
        <xsl:value-of select="number(substring($d, 9, 2))"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring-before(substring-after('|01January|02February|03March|04April|05May|06June|07July|08August|09September|10October|11November|12December|', concat('|', substring($d, 6, 2))), '|')"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="substring($d, 1, 4)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="substring($d, 1, 4)"/>年<xsl:value-of select="number(substring($d, 6, 2))"/>月<xsl:value-of select="number(substring($d, 9, 2))"/>日</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 2026-10 -> 2026年10月 / October 2026 -->
  <xsl:template name="month">
    <xsl:param name="m" select="$period"/>
    <xsl:choose>
      <xsl:when test="$en">
        <xsl:value-of select="substring-before(substring-after('|01January|02February|03March|04April|05May|06June|07July|08August|09September|10October|11November|12December|', concat('|', substring($m, 6, 2))), '|')"/>
        <xsl:text> </xsl:text><xsl:value-of select="substring($m, 1, 4)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="substring($m, 1, 4)"/>年<xsl:value-of select="number(substring($m, 6, 2))"/>月</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a red / amber / green status: the cell background -->
  <xsl:template name="rag-colour">
    <xsl:param name="status"/>
    <xsl:choose>
      <xsl:when test="$status = 'green' or $status = 'true'">#D7EED9</xsl:when>
      <xsl:when test="$status = 'amber'">#FFE7C2</xsl:when>
      <xsl:when test="$status = 'red' or $status = 'false'">#F9D0D0</xsl:when>
      <xsl:otherwise>#F2F2F2</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== the controlled-document frame ===== -->

  <!-- attributes of <document>: language, metadata, date, watermark -->
  <xsl:template name="document-attributes">
    <xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute>
    <xsl:attribute name="title"><xsl:call-template name="title"/></xsl:attribute>
    <xsl:attribute name="author"><xsl:call-template name="person"><xsl:with-param name="id" select="$rev/@author"/></xsl:call-template></xsl:attribute>
    <xsl:attribute name="subject"><xsl:call-template name="label"><xsl:with-param name="key" select="concat('kind.', $kind)"/></xsl:call-template></xsl:attribute>
    <xsl:attribute name="keywords"><xsl:value-of select="concat($doc/@number, ' ', $doc/@version)"/></xsl:attribute>
    <xsl:attribute name="date"><xsl:call-template name="document-date"/></xsl:attribute>
    <xsl:choose>
      <xsl:when test="$doc/@status = 'superseded' or $doc/@status = 'withdrawn'">
        <xsl:attribute name="watermark"><xsl:call-template name="label"><xsl:with-param name="key" select="concat($doc/@status, '-watermark')"/></xsl:call-template></xsl:attribute>
      </xsl:when>
      <xsl:when test="$draft or $doc/@status = 'draft' or $doc/@status = 'under-review'">
        <xsl:attribute name="watermark"><xsl:call-template name="label"><xsl:with-param name="key" select="'draft-watermark'"/></xsl:call-template></xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- the document's date (PDF metadata): the current revision's effective
       date; periodic reports override it with the period's last day
       ($period-end), so that the same sources give the same bytes -->
  <xsl:template name="document-date">
    <xsl:choose>
      <xsl:when test="$rev/@effective"><xsl:value-of select="$rev/@effective"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$rev/@date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- meta fields, styles and page masters -->
  <xsl:template name="head">
    <meta>
      <field name="org"><xsl:call-template name="t"><xsl:with-param name="n" select="$org/d:short-name | $org/d:name[not($org/d:short-name)]"/></xsl:call-template></field>
      <field name="system"><xsl:call-template name="t"><xsl:with-param name="n" select="$org/d:management-system[@id = $doc/@system]/d:name"/></xsl:call-template></field>
      <field name="title"><xsl:call-template name="title"/></field>
      <field name="number"><xsl:value-of select="$doc/@number"/></field>
      <field name="version"><xsl:value-of select="$doc/@version"/></field>
      <field name="classification"><xsl:call-template name="class-name"><xsl:with-param name="id" select="$doc/@classification"/></xsl:call-template></field>
    </meta>
    <xsl:copy-of select="$templates/l:style"/>
    <xsl:copy-of select="$templates/l:page-master"/>
  </xsl:template>

  <!-- meta fields, styles and page masters of the audit pack's own
       documents (the register, the evidence), which are no register entry:
       the header names the pack, the footer the standard and the period -->
  <xsl:template name="pack-head">
    <meta>
      <field name="org"><xsl:call-template name="t"><xsl:with-param name="n" select="$org/d:short-name | $org/d:name[not($org/d:short-name)]"/></xsl:call-template></field>
      <field name="system"><xsl:call-template name="label"><xsl:with-param name="key" select="'audit-pack'"/></xsl:call-template></field>
      <field name="title"><xsl:call-template name="label"><xsl:with-param name="key" select="'title'"/></xsl:call-template></field>
      <field name="number"><xsl:value-of select="$facts/f:pack/@standard"/></field>
      <field name="version"><xsl:value-of select="$facts/f:pack/@period"/></field>
      <field name="classification"><xsl:call-template name="class-name"><xsl:with-param name="id" select="$facts/f:pack/@max-class"/></xsl:call-template></field>
    </meta>
    <xsl:copy-of select="$templates/l:style"/>
    <xsl:copy-of select="$templates/l:page-master"/>
  </xsl:template>

  <!-- the cover: organisation, system, title, control data, signatures -->
  <xsl:template name="cover">
    <xsl:param name="subtitle"/>
    <section master="cover">
      <p style="cover-org"><xsl:call-template name="org-name"/></p>
      <p style="subtitle"><xsl:call-template name="t"><xsl:with-param name="n" select="$org/d:management-system[@id = $doc/@system]/d:name"/></xsl:call-template></p>
      <spacer height="45mm"/>
      <p style="title"><xsl:call-template name="title"/></p>
      <xsl:if test="string($subtitle) != ''"><p style="subtitle"><xsl:value-of select="$subtitle"/></p></xsl:if>
      <spacer height="30mm"/>
      <table widths="1* 1.2* 1* 1.2*" borders="rows">
        <row>
          <cell style="table-header"><xsl:call-template name="label"><xsl:with-param name="key" select="'number'"/></xsl:call-template></cell>
          <cell><xsl:value-of select="$doc/@number"/></cell>
          <cell style="table-header"><xsl:call-template name="label"><xsl:with-param name="key" select="'version'"/></xsl:call-template></cell>
          <cell><xsl:value-of select="$doc/@version"/></cell>
        </row>
        <row>
          <cell style="table-header"><xsl:call-template name="label"><xsl:with-param name="key" select="'classification'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="class-name"><xsl:with-param name="id" select="$doc/@classification"/></xsl:call-template></cell>
          <cell style="table-header"><xsl:call-template name="label"><xsl:with-param name="key" select="'controlled'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="label"><xsl:with-param name="key" select="concat('controlled.', $doc/@controlled)"/></xsl:call-template></cell>
        </row>
        <row>
          <cell style="table-header"><xsl:call-template name="label"><xsl:with-param name="key" select="'status'"/></xsl:call-template></cell>
          <cell>
            <xsl:call-template name="label"><xsl:with-param name="key" select="concat('status.', $doc/@status)"/></xsl:call-template>
            <xsl:if test="$doc/@replaced-by">（<xsl:call-template name="label"><xsl:with-param name="key" select="'replaced-by'"/></xsl:call-template><xsl:call-template name="label"><xsl:with-param name="key" select="'colon'"/></xsl:call-template><xsl:value-of select="$doc/@replaced-by"/>）</xsl:if>
          </cell>
          <cell style="table-header"><xsl:call-template name="label"><xsl:with-param name="key" select="'effective'"/></xsl:call-template></cell>
          <cell>
            <xsl:choose>
              <xsl:when test="$rev/@effective"><xsl:value-of select="$rev/@effective"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="label"><xsl:with-param name="key" select="'na'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
        </row>
        <row>
          <cell style="table-header"><xsl:call-template name="label"><xsl:with-param name="key" select="'author'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="$rev/@author"/></xsl:call-template></cell>
          <cell style="table-header"><xsl:call-template name="label"><xsl:with-param name="key" select="'reviewer'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="$rev/@reviewer"/></xsl:call-template></cell>
        </row>
        <row>
          <cell style="table-header"><xsl:call-template name="label"><xsl:with-param name="key" select="'approver'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="$rev/@approver"/></xsl:call-template></cell>
          <cell style="table-header"><xsl:call-template name="label"><xsl:with-param name="key" select="'period'"/></xsl:call-template></cell>
          <cell><xsl:call-template name="report-period"/></cell>
        </row>
      </table>
      <xsl:if test="$draft">
        <p style="note" space-before="6mm"><xsl:call-template name="label"><xsl:with-param name="key" select="'draft-note'"/></xsl:call-template></p>
      </xsl:if>
      <spacer height="20mm"/>
      <p style="note"><xsl:call-template name="label"><xsl:with-param name="key" select="'copyright'"/></xsl:call-template></p>
    </section>
  </xsl:template>

  <!-- the period a document covers: kinds override it -->
  <xsl:template name="report-period">
    <xsl:call-template name="label"><xsl:with-param name="key" select="'na'"/></xsl:call-template>
  </xsl:template>

  <!-- revision history, distribution control, contents -->
  <xsl:template name="front-matter">
    <h level="1" numbered="false" toc="false"><xsl:call-template name="label"><xsl:with-param name="key" select="'revision-history'"/></xsl:call-template></h>
    <table widths="16mm 1* 21mm 14mm 14mm 14mm 21mm" header-rows="1">
      <row>
        <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'revision.version'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'revision.change'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'revision.date'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'author'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'reviewer'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'approver'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'effective'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$doc/d:revision">
        <row>
          <cell><xsl:value-of select="@version"/></cell>
          <cell><xsl:value-of select="normalize-space(.)"/></cell>
          <cell><xsl:value-of select="@date"/></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@author"/></xsl:call-template></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@reviewer"/></xsl:call-template></cell>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@approver"/></xsl:call-template></cell>
          <cell><xsl:value-of select="@effective"/></cell>
        </row>
      </xsl:for-each>
    </table>
    <h level="1" numbered="false" toc="false"><xsl:call-template name="label"><xsl:with-param name="key" select="'distribution'"/></xsl:call-template></h>
    <table widths="1.2* 20mm 14mm 1.6*" header-rows="1">
      <row>
        <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'distribution.reader'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'distribution.rights'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="label"><xsl:with-param name="key" select="'distribution.copies'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'distribution.note'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$doc/d:distribution">
        <row>
          <cell>
            <xsl:choose>
              <xsl:when test="@department"><xsl:call-template name="department"><xsl:with-param name="id" select="@department"/></xsl:call-template></xsl:when>
              <xsl:when test="@role"><xsl:call-template name="role"><xsl:with-param name="id" select="@role"/></xsl:call-template></xsl:when>
              <xsl:when test="@person"><xsl:call-template name="person"><xsl:with-param name="id" select="@person"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="label"><xsl:with-param name="key" select="'everyone'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell><xsl:call-template name="label"><xsl:with-param name="key" select="concat('rights.', @rights)"/></xsl:call-template></cell>
          <cell align="right"><xsl:value-of select="@copies"/></cell>
          <cell><xsl:value-of select="normalize-space(.)"/></cell>
        </row>
      </xsl:for-each>
    </table>
    <page-break/>
    <h level="1" numbered="false" toc="false"><xsl:call-template name="label"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></h>
    <toc depth="2"/>
    <page-break/>
  </xsl:template>

  <!-- ===== Markdown prose (CommonMark's XML in the facts) ===== -->

  <!-- The prose of an element naming a Markdown file (f:md); headings in it
       go under the level the including section gives. -->
  <xsl:template name="prose">
    <xsl:param name="of"/>
    <xsl:param name="level" select="2"/>
    <!-- false() under an unnumbered heading (an appendix): its headings unnumbered too -->
    <xsl:param name="numbered" select="true()"/>
    <xsl:apply-templates select="$facts/f:prose/f:markdown[@src = $of/@f:md]/md:document/*" mode="md">
      <xsl:with-param name="level" select="$level"/>
      <xsl:with-param name="numbered" select="$numbered"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="md:paragraph[count(*) = 1 and md:image]" mode="md">
    <image src="{md:image/@f:path}" alt="{md:image}" width="140mm"/>
  </xsl:template>
  <xsl:template match="md:paragraph" mode="md">
    <p><xsl:apply-templates mode="md-inline"/></p>
  </xsl:template>
  <!-- Markdown headings: the shallowest heading of the file goes to $level,
       deeper ones below it (an author may start a part at ## or ###);
       level 4 and deeper: unnumbered and out of the contents -->
  <xsl:template match="md:heading" mode="md">
    <xsl:param name="level" select="2"/>
    <xsl:param name="numbered" select="true()"/>
    <xsl:variable name="all" select="ancestor::md:document[1]//md:heading"/>
    <xsl:variable name="min" select="$all[not($all/@level &lt; @level)][1]/@level"/>
    <xsl:variable name="l" select="$level + @level - $min"/>
    <h>
      <xsl:choose>
        <xsl:when test="not($numbered) and $l &lt; 4">
          <xsl:attribute name="level"><xsl:value-of select="$l"/></xsl:attribute>
          <xsl:attribute name="numbered">false</xsl:attribute>
        </xsl:when>
        <xsl:when test="$l &gt;= 4">
          <xsl:attribute name="level">4</xsl:attribute>
          <xsl:attribute name="numbered">false</xsl:attribute>
          <xsl:attribute name="toc">false</xsl:attribute>
        </xsl:when>
        <xsl:otherwise><xsl:attribute name="level"><xsl:value-of select="$l"/></xsl:attribute></xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates mode="md-inline"/>
    </h>
  </xsl:template>
  <xsl:template match="md:list" mode="md">
    <xsl:param name="level" select="2"/>
    <xsl:param name="numbered" select="true()"/>
    <list ordered="{@type = 'ordered'}">
      <xsl:if test="@start"><xsl:attribute name="start"><xsl:value-of select="@start"/></xsl:attribute></xsl:if>
      <xsl:for-each select="md:item">
        <item>
          <xsl:apply-templates select="*" mode="md"><xsl:with-param name="level" select="$level"/><xsl:with-param name="numbered" select="$numbered"/></xsl:apply-templates>
        </item>
      </xsl:for-each>
    </list>
  </xsl:template>
  <xsl:template match="md:block_quote" mode="md">
    <xsl:param name="level" select="2"/>
    <xsl:param name="numbered" select="true()"/>
    <quote><xsl:apply-templates select="*" mode="md"><xsl:with-param name="level" select="$level"/><xsl:with-param name="numbered" select="$numbered"/></xsl:apply-templates></quote>
  </xsl:template>
  <xsl:template match="md:code_block" mode="md">
    <pre><xsl:value-of select="."/></pre>
  </xsl:template>
  <xsl:template match="md:html_block" mode="md">
    <!-- raw HTML is never interpreted: shown as text -->
    <pre><xsl:value-of select="."/></pre>
  </xsl:template>
  <xsl:template match="md:thematic_break" mode="md">
    <rule/>
  </xsl:template>
  <xsl:template match="md:text" mode="md-inline"><xsl:value-of select="."/></xsl:template>
  <!-- a line break in the source: whitespace with a newline in it, which the
       typesetter drops between two Chinese characters and keeps as a space
       elsewhere -->
  <xsl:template match="md:softbreak" mode="md-inline"><xsl:text>&#10;</xsl:text></xsl:template>
  <xsl:template match="md:linebreak" mode="md-inline"><br/></xsl:template>
  <xsl:template match="md:code" mode="md-inline"><code><xsl:value-of select="."/></code></xsl:template>
  <xsl:template match="md:html_inline" mode="md-inline"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="md:emph" mode="md-inline"><i><xsl:apply-templates mode="md-inline"/></i></xsl:template>
  <xsl:template match="md:strong" mode="md-inline"><b><xsl:apply-templates mode="md-inline"/></b></xsl:template>
  <xsl:template match="md:link" mode="md-inline"><a href="{@destination}"><xsl:apply-templates mode="md-inline"/></a></xsl:template>
  <xsl:template match="md:image" mode="md-inline">[<xsl:apply-templates mode="md-inline"/>]</xsl:template>

  <!-- ===== pieces for reports ===== -->

  <!-- a table of the findings of some kinds, each with its record -->
  <!-- a table of the findings of some kinds (space-separated), optionally
       only those about some subjects (space-separated ids), each with its
       record; a paragraph saying there are none otherwise -->
  <xsl:template name="findings-table">
    <xsl:param name="kinds"/>
    <xsl:param name="subjects" select="''"/>
    <xsl:param name="caption" select="''"/>
    <xsl:call-template name="findings-of">
      <xsl:with-param name="set" select="$facts/f:findings/f:finding[contains(concat(' ', $kinds, ' '), concat(' ', @kind, ' '))]
          [$subjects = '' or contains(concat(' ', $subjects, ' '), concat(' ', @subject, ' '))]"/>
      <xsl:with-param name="caption" select="$caption"/>
    </xsl:call-template>
  </xsl:template>

  <!-- the same for a chosen set of f:finding elements; $none: the text when
       the set is empty (default: the common "no findings" sentence) -->
  <xsl:template name="findings-of">
    <xsl:param name="set"/>
    <xsl:param name="caption" select="''"/>
    <xsl:param name="none" select="''"/>
    <xsl:choose>
      <xsl:when test="$set">
        <table widths="25mm 24mm 1* 46mm" header-rows="1">
          <xsl:if test="$caption != ''">
            <xsl:attribute name="caption"><xsl:value-of select="$caption"/></xsl:attribute>
            <xsl:attribute name="continued"><xsl:value-of select="$caption"/><xsl:call-template name="label"><xsl:with-param name="key" select="'continued'"/></xsl:call-template></xsl:attribute>
          </xsl:if>
          <row>
            <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'finding.kind'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'finding.subject'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'finding.message'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'source'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$set">
            <row>
              <cell><xsl:call-template name="label"><xsl:with-param name="key" select="concat('finding.', @kind)"/></xsl:call-template></cell>
              <cell><xsl:value-of select="@subject"/></cell>
              <cell><xsl:apply-templates select="." mode="finding-text"/></cell>
              <cell style="source"><xsl:value-of select="concat(@f:file, ':', @f:line)"/></cell>
            </row>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:when test="string($none) != ''"><p><xsl:value-of select="$none"/></p></xsl:when>
      <xsl:otherwise>
        <p><xsl:call-template name="label"><xsl:with-param name="key" select="'no-findings'"/></xsl:call-template></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="f:finding" mode="finding-text">
    <xsl:variable name="key" select="concat('finding-text.', @kind)"/>
    <xsl:variable name="unit">
      <xsl:choose>
        <xsl:when test="contains(' availability-missed target-unreachable incident-target-missed ', concat(' ', @kind, ' '))">pct</xsl:when>
        <xsl:when test="contains(' risk-above-appetite workload-over-limit kpi-red updates-missing plan-drill-overdue ', concat(' ', @kind, ' '))">num</xsl:when>
        <xsl:otherwise>min</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="s">
      <xsl:choose>
        <xsl:when test="key('service', @subject)">
          <xsl:call-template name="service-name"><xsl:with-param name="id" select="@subject"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="@subject"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="v"><xsl:call-template name="figure"><xsl:with-param name="x" select="@value"/><xsl:with-param name="unit" select="$unit"/></xsl:call-template></xsl:variable>
    <xsl:variable name="l"><xsl:call-template name="figure"><xsl:with-param name="x" select="@limit"/><xsl:with-param name="unit" select="$unit"/></xsl:call-template></xsl:variable>
    <xsl:variable name="has-label"><xsl:call-template name="label-in"><xsl:with-param name="key" select="$key"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="string($has-label) != ''">
        <xsl:variable name="t"><xsl:call-template name="label"><xsl:with-param name="key" select="$key"/></xsl:call-template></xsl:variable>
        <xsl:call-template name="fill">
          <xsl:with-param name="t" select="$t"/>
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="v" select="$v"/>
          <xsl:with-param name="l" select="$l"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="figure">
    <xsl:param name="x"/>
    <xsl:param name="unit"/>
    <xsl:choose>
      <xsl:when test="string($x) = ''"/>
      <xsl:when test="$unit = 'pct'"><xsl:call-template name="pct"><xsl:with-param name="v" select="$x"/></xsl:call-template></xsl:when>
      <xsl:when test="$unit = 'min'"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$x"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($x, '#,##0.##')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- replace {s} {v} {l} in t -->
  <xsl:template name="fill">
    <xsl:param name="t"/>
    <xsl:param name="s"/>
    <xsl:param name="v"/>
    <xsl:param name="l"/>
    <xsl:choose>
      <xsl:when test="contains($t, '{')">
        <xsl:value-of select="substring-before($t, '{')"/>
        <xsl:variable name="k" select="substring(substring-after($t, '{'), 1, 1)"/>
        <xsl:choose>
          <xsl:when test="$k = 's'"><xsl:value-of select="$s"/></xsl:when>
          <xsl:when test="$k = 'v'"><xsl:value-of select="$v"/></xsl:when>
          <xsl:when test="$k = 'l'"><xsl:value-of select="$l"/></xsl:when>
        </xsl:choose>
        <xsl:call-template name="fill">
          <xsl:with-param name="t" select="substring-after($t, '}')"/>
          <xsl:with-param name="s" select="$s"/>
          <xsl:with-param name="v" select="$v"/>
          <xsl:with-param name="l" select="$l"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the data sources of the figures: files and their record counts -->
  <xsl:template name="sources-table">
    <xsl:param name="kinds"/>
    <table widths="1* 36mm 20mm" header-rows="1">
      <row>
        <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'sources.file'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="label"><xsl:with-param name="key" select="'sources.kind'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="label"><xsl:with-param name="key" select="'sources.records'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$facts/f:sources/f:source[contains(concat(' ', $kinds, ' '), concat(' ', @kind, ' '))]">
        <row>
          <cell><code><xsl:value-of select="@file"/></code></cell>
          <cell><xsl:value-of select="@kind"/></cell>
          <cell align="right"><xsl:value-of select="@records"/></cell>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>
</xsl:stylesheet>
