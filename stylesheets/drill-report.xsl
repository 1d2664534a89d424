<?xml version="1.0" encoding="UTF-8"?>
<!--
  drill-report.xsl: the report of one held continuity drill (演练报告), the
  register document's @drill naming the d:drill in f:drills, as the process
  manual's drill evaluation asks (ISO 22301 8.5, ISO/IEC 20000-1 8.7.2):
    1 overview: the test record (name, plan and systems, date, lead,
      location, method, event level, departments, resources) and a summary
      of the results (counts of the records listed in this report);
    2 object, scope and scenario: the scenario with its event level and
      its Markdown (how the incident is simulated: the drill's assumptions);
    3 objectives, method and evaluation criteria: target RTO / RPO beside
      the RTO / RPO the business requires (computed);
    4 participating departments and people;
    5 conduct of the drill: a Gantt chart of the steps as carried out,
      coloured by outcome, then (on landscape pages) every step's expected
      result against what happened, with its planned duration, the
      measured start and end and the actual time (f:minutes);
    6 recovery objectives achieved: measured recovery time and data loss
      against the drill target, the requirement (computed) and the limit
      the facts judge by (f:check on d:measured: the stricter of the two,
      met or not), with the findings of the checks (drill-rto-exceeded,
      drill-rpo-exceeded);
    7 findings of the drill, by severity, with the actions taken on them;
    8 corrective actions: owner, due date, status; overdue ones marked from
      f:findings on d:action (drill-action-overdue), status as of the
      period's end;
    9 lessons learned;
   10 recommended changes to the plan, and the plan's current version;
   11 data sources.
  Durations of the drill are shown as written (in words); actual step
  times, limits and verdicts are the facts'; no figure is computed here.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:dossier:layout:1"
    xmlns:f="urn:dossier:facts:1"
    xmlns:d="urn:dossier:1"
    exclude-result-prefixes="f d">

  <xsl:import href="common.xsl"/>
  <xsl:variable name="kind" select="'drill-report'"/>

  <xsl:variable name="drill" select="$facts/f:drills/d:drill[@id = $doc/@drill]"/>
  <xsl:variable name="result" select="$drill/d:result"/>
  <xsl:variable name="plan" select="$facts/f:plans/d:plan[@id = $drill/@plan]"/>
  <xsl:variable name="plan-doc" select="($facts/f:register/d:document[@plan = $drill/@plan][@status = 'approved'] | $facts/f:register/d:document[@plan = $drill/@plan])[1]"/>
  <xsl:variable name="own-findings" select="$facts/f:findings/f:finding[@subject = $drill/@id]"/>

  <xsl:template name="report-period">
    <xsl:call-template name="date"><xsl:with-param name="d" select="$drill/@date"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="/">
    <document>
      <xsl:call-template name="document-attributes"/>
      <xsl:call-template name="head"/>
      <xsl:call-template name="cover">
        <xsl:with-param name="subtitle">
          <xsl:value-of select="$drill/@id"/>
          <xsl:text> · </xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="d" select="$drill/@date"/></xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$drill">
          <section master="body">
            <xsl:call-template name="front-matter"/>
            <xsl:call-template name="overview"/>
            <xsl:call-template name="object-scope"/>
            <xsl:call-template name="objectives-method"/>
            <xsl:call-template name="participants"/>
            <xsl:call-template name="conduct"/>
          </section>
          <section master="landscape">
            <xsl:call-template name="conduct-table"/>
          </section>
          <section master="body">
            <xsl:call-template name="recovery"/>
            <xsl:call-template name="findings"/>
            <xsl:call-template name="actions"/>
            <xsl:call-template name="lessons"/>
            <xsl:call-template name="plan-update"/>
            <xsl:call-template name="sources"/>
          </section>
        </xsl:when>
        <xsl:otherwise>
          <section master="body">
            <xsl:call-template name="front-matter"/>
            <p><xsl:call-template name="L"><xsl:with-param name="k" select="'no-drill'"/></xsl:call-template><xsl:value-of select="$doc/@drill"/></p>
          </section>
        </xsl:otherwise>
      </xsl:choose>
    </document>
  </xsl:template>


  <!-- ===== helpers (the same in drill-plan.xsl) ===== -->


  <!-- HH:MM of a local timestamp YYYY-MM-DDTHH:MM -->
  <xsl:template name="hm">
    <xsl:param name="t"/>
    <xsl:value-of select="substring($t, 12, 5)"/>
  </xsl:template>

  <!-- a person: name (title) -->
  <xsl:template name="person-titled">
    <xsl:param name="id"/>
    <xsl:variable name="p" select="$org/d:person[@id = $id]"/>
    <xsl:call-template name="person"><xsl:with-param name="id" select="$id"/></xsl:call-template>
    <xsl:if test="$p/d:title">
      <xsl:call-template name="L"><xsl:with-param name="k" select="'paren.open'"/></xsl:call-template>
      <xsl:call-template name="t"><xsl:with-param name="n" select="$p/d:title"/></xsl:call-template>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'paren.close'"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- the plan exercised: id 《title》 (document number version) -->
  <xsl:template name="plan-ref">
    <xsl:value-of select="$drill/@plan"/>
    <xsl:call-template name="L"><xsl:with-param name="k" select="'quote-open'"/></xsl:call-template>
    <xsl:call-template name="t"><xsl:with-param name="n" select="$plan/d:title"/></xsl:call-template>
    <xsl:call-template name="L"><xsl:with-param name="k" select="'quote-close'"/></xsl:call-template>
    <xsl:if test="$plan-doc">
      <xsl:call-template name="L"><xsl:with-param name="k" select="'paren.open'"/></xsl:call-template>
      <xsl:value-of select="concat($plan-doc/@number, ' ', $plan-doc/@version)"/>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'paren.close'"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- a row of a record table: a header cell and a value spanning the rest -->
  <xsl:template name="record-row">
    <xsl:param name="k"/>
    <xsl:param name="v"/>
    <xsl:param name="span" select="3"/>
    <row>
      <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template></cell>
      <cell colspan="{$span}"><xsl:copy-of select="$v"/></cell>
    </row>
  </xsl:template>


  <!-- paragraphs of text elements, in the document's language (elements
       with xml:lang="en" for English, the others Chinese; the other
       language when this one has none) -->
  <xsl:template name="paras">
    <xsl:param name="set"/>
    <xsl:variable name="own" select="$set[($en and lang('en')) or (not($en) and not(lang('en')))]"/>
    <xsl:for-each select="$own | $set[not($own)]"><p><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each>
  </xsl:template>

  <!-- numbered paragraphs of text elements; "none" without any. Elements
       with an English twin are taken in the document's language. -->
  <xsl:template name="text-list">
    <xsl:param name="set"/>
    <xsl:variable name="own" select="$set[($en and lang('en')) or (not($en) and not(lang('en')))]"/>
    <xsl:variable name="items" select="$own | $set[not($own)]"/>
    <xsl:choose>
      <xsl:when test="$items">
        <list ordered="true">
          <xsl:for-each select="$items"><item><p><xsl:value-of select="normalize-space(.)"/></p></item></xsl:for-each>
        </list>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the objectives with their drill targets and the requirements -->
  <xsl:template name="objectives-table">
    <group keep-together="true">
    <table widths="9mm 1* 28mm 15mm 15mm 15mm 15mm" header-rows="2">
      <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'objectives.caption'"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'objectives.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
      <row>
        <cell/><cell/><cell/>
        <cell colspan="2" align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'objective.drill-target'"/></xsl:call-template></cell>
        <cell colspan="2" align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'objective.required'"/></xsl:call-template></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'objective'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rto'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rpo'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rto'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'rpo'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$drill/d:objective">
        <xsl:variable name="r" select="key('service', current()/@service)/f:recovery"/>
        <row>
          <cell><xsl:value-of select="@id"/></cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="."/></xsl:call-template></cell>
          <cell>
            <xsl:choose>
              <xsl:when test="@service"><xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template></xsl:when>
              <xsl:otherwise>—</xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell align="right"><xsl:choose><xsl:when test="@target-rto"><xsl:call-template name="dur"><xsl:with-param name="d" select="@target-rto"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:choose><xsl:when test="@target-rpo"><xsl:call-template name="dur"><xsl:with-param name="d" select="@target-rpo"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:choose><xsl:when test="$r/@rto-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@rto-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
          <cell align="right"><xsl:choose><xsl:when test="$r/@rpo-minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@rpo-minutes"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'objectives.note'"/></xsl:call-template></p>
    </group>
  </xsl:template>

  <!-- ===== 4 participants ===== -->
  <xsl:template name="participants">
    <xsl:variable name="p" select="$drill/d:participants"/>
    <h level="1" id="participants"><xsl:call-template name="L"><xsl:with-param name="k" select="'participants'"/></xsl:call-template></h>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'participants.departments'"/></xsl:call-template></h>
    <xsl:choose>
      <xsl:when test="$p/d:department">
        <p>
          <xsl:for-each select="$p/d:department">
            <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
            <xsl:call-template name="department"><xsl:with-param name="id" select="@ref"/></xsl:call-template>
          </xsl:for-each>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'participants.departments.end'"/></xsl:call-template>
        </p>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'participants.people'"/></xsl:call-template></h>
    <table header-rows="1">
      <xsl:attribute name="widths"><xsl:choose><xsl:when test="$en">24mm 42mm 46mm 1*</xsl:when><xsl:otherwise>18mm 28mm 44mm 1*</xsl:otherwise></xsl:choose></xsl:attribute>
      <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'participants.caption'"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'participants.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'person'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'department'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'person.title'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'participant.part'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$p/d:participant">
        <xsl:variable name="who" select="$org/d:person[@id = current()/@person]"/>
        <row>
          <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@person"/></xsl:call-template></cell>
          <cell><xsl:call-template name="department"><xsl:with-param name="id" select="$who/@department"/></xsl:call-template></cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="$who/d:title"/></xsl:call-template></cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="."/></xsl:call-template></cell>
        </row>
      </xsl:for-each>
    </table>
  </xsl:template>


  <!-- a label with a cross-reference: {r} in the text becomes the number
       of the heading with id "to" -->
  <xsl:template name="label-ref">
    <xsl:param name="k"/>
    <xsl:param name="to"/>
    <xsl:variable name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="$k"/></xsl:call-template></xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($t, '{r}')">
        <xsl:value-of select="substring-before($t, '{r}')"/><ref to="{$to}" show="number"/><xsl:value-of select="substring-after($t, '{r}')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the background of an outcome or a severity -->
  <xsl:template name="outcome-colour">
    <xsl:param name="o"/>
    <xsl:choose>
      <xsl:when test="$o = 'as-expected' or $o = 'met' or $o = 'done'">#D7EED9</xsl:when>
      <xsl:when test="$o = 'deviation' or $o = 'minor'">#FFE7C2</xsl:when>
      <xsl:when test="$o = 'failed' or $o = 'exceeded' or $o = 'major' or $o = 'overdue'">#F9D0D0</xsl:when>
      <xsl:otherwise>#F2F2F2</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- the bar colour of an outcome in the Gantt chart -->
  <xsl:template name="outcome-bar">
    <xsl:param name="o"/>
    <xsl:choose>
      <xsl:when test="$o = 'as-expected'">#4E8A3E</xsl:when>
      <xsl:when test="$o = 'deviation'">#E69A28</xsl:when>
      <xsl:when test="$o = 'failed'">#C62828</xsl:when>
      <xsl:otherwise>#9A9A9A</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a step's name: its plan step's title, else its action -->
  <xsl:template name="step-name">
    <xsl:param name="s"/>
    <xsl:variable name="ps" select="$plan/d:recovery/d:step[@id = $s/@plan-step]"/>
    <xsl:choose>
      <xsl:when test="$ps/d:title"><xsl:call-template name="t"><xsl:with-param name="n" select="$ps/d:title"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="n" select="$s/d:action"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- start–end of a step result: HH:MM, with MM-DD in front when not on
       the drill's day -->
  <xsl:template name="span">
    <xsl:param name="r"/>
    <xsl:if test="substring($r/@start, 1, 10) != $drill/@date"><xsl:value-of select="substring($r/@start, 6, 5)"/><xsl:text> </xsl:text></xsl:if>
    <xsl:call-template name="hm"><xsl:with-param name="t" select="$r/@start"/></xsl:call-template>
    <xsl:text>–</xsl:text>
    <xsl:if test="substring($r/@end, 1, 10) != substring($r/@start, 1, 10)"><xsl:value-of select="substring($r/@end, 6, 5)"/><xsl:text> </xsl:text></xsl:if>
    <xsl:call-template name="hm"><xsl:with-param name="t" select="$r/@end"/></xsl:call-template>
  </xsl:template>

  <!-- ===== 1 overview: the test record ===== -->
  <xsl:template name="overview">
    <h level="1" id="overview"><xsl:call-template name="L"><xsl:with-param name="k" select="'overview'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'overview.intro'"/></xsl:call-template></p>
    <table widths="26mm 1* 24mm 1*">
      <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'overview.caption'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'overview.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
      <row>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.id'"/></xsl:call-template></cell>
        <cell><xsl:value-of select="$drill/@id"/></cell>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.status'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('drill.status.', $drill/@status)"/></xsl:call-template></cell>
      </row>
      <xsl:call-template name="record-row">
        <xsl:with-param name="k" select="'drill.name'"/>
        <xsl:with-param name="v"><xsl:call-template name="t"><xsl:with-param name="n" select="$drill/d:title"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="record-row">
        <xsl:with-param name="k" select="'drill.plan'"/>
        <xsl:with-param name="v"><xsl:call-template name="plan-ref"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="record-row">
        <xsl:with-param name="k" select="'drill.services'"/>
        <xsl:with-param name="v">
          <xsl:for-each select="$plan/d:covers">
            <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
            <xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <row>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.date'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="date"><xsl:with-param name="d" select="$drill/@date"/></xsl:call-template></cell>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.lead'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="person-titled"><xsl:with-param name="id" select="$drill/@lead"/></xsl:call-template></cell>
      </row>
      <row>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.method'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="concat('method.', $drill/d:method/@kind)"/></xsl:call-template></cell>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.level'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="grade-name"><xsl:with-param name="id" select="$drill/d:scenario/@level"/></xsl:call-template></cell>
      </row>
      <xsl:call-template name="record-row">
        <xsl:with-param name="k" select="'drill.location'"/>
        <xsl:with-param name="v">
          <xsl:choose>
            <xsl:when test="$drill/d:location"><xsl:call-template name="t"><xsl:with-param name="n" select="$drill/d:location"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'na'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="record-row">
        <xsl:with-param name="k" select="'drill.departments'"/>
        <xsl:with-param name="v">
          <xsl:for-each select="$drill/d:participants/d:department">
            <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
            <xsl:call-template name="department"><xsl:with-param name="id" select="@ref"/></xsl:call-template>
          </xsl:for-each>
          <xsl:if test="not($drill/d:participants/d:department)"><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <row>
        <cell style="table-header"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill.components'"/></xsl:call-template></cell>
        <cell colspan="3">
          <xsl:variable name="own" select="$drill/d:resource[($en and lang('en')) or (not($en) and not(lang('en')))]"/>
          <xsl:for-each select="$own | $drill/d:resource[not($own)]"><p><xsl:value-of select="normalize-space(.)"/></p></xsl:for-each>
          <xsl:if test="not($drill/d:resource)"><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></xsl:if>
        </cell>
      </row>
    </table>

    <h level="2" id="summary"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary'"/></xsl:call-template></h>
    <xsl:variable name="sr" select="$result/d:step-result"/>
    <xsl:variable name="m" select="$result/d:measured"/>
    <xsl:variable name="act" select="$result/d:action"/>
    <table widths="40mm 1*" header-rows="1">
      <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.caption'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.item'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.result'"/></xsl:call-template></cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.steps'"/></xsl:call-template></cell>
        <cell>
          <xsl:for-each select="$sr[@outcome = 'as-expected'][1] | $sr[@outcome = 'deviation'][1] | $sr[@outcome = 'failed'][1] | $sr[@outcome = 'skipped'][1]">
            <xsl:sort select="string-length(substring-before('as-expected deviation failed skipped', @outcome))" data-type="number"/>
            <xsl:variable name="o" select="@outcome"/>
            <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
            <xsl:call-template name="L"><xsl:with-param name="k" select="concat('outcome.', $o)"/></xsl:call-template>
            <xsl:text> </xsl:text><xsl:value-of select="count($sr[@outcome = $o])"/>
          </xsl:for-each>
          <xsl:if test="count($drill/d:step) &gt; count($sr)">
            <xsl:if test="$sr"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
            <xsl:call-template name="L"><xsl:with-param name="k" select="'outcome.none'"/></xsl:call-template>
            <xsl:text> </xsl:text><xsl:value-of select="count($drill/d:step[not(@id = $sr/@step)])"/>
          </xsl:if>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'summary.of'"/></xsl:call-template>
          <xsl:value-of select="count($drill/d:step)"/>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'summary.steps-end'"/></xsl:call-template>
        </cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.recovery'"/></xsl:call-template></cell>
        <cell>
          <xsl:attribute name="background">
            <xsl:call-template name="rag-colour">
              <xsl:with-param name="status">
                <xsl:choose>
                  <xsl:when test="not($m)">na</xsl:when>
                  <xsl:otherwise><xsl:value-of select="not($m/f:check[@rto-met = 'false' or @rpo-met = 'false'])"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'summary.measured'"/></xsl:call-template>
          <xsl:value-of select="count($m)"/>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'summary.measured2'"/></xsl:call-template>
          <xsl:if test="$m">
            <xsl:call-template name="L"><xsl:with-param name="k" select="'summary.rto-exceeded'"/></xsl:call-template>
            <xsl:value-of select="count($m[f:check/@rto-met = 'false'])"/>
            <xsl:call-template name="L"><xsl:with-param name="k" select="'summary.rpo-exceeded'"/></xsl:call-template>
            <xsl:value-of select="count($m[f:check/@rpo-met = 'false'])"/>
            <xsl:call-template name="label-ref"><xsl:with-param name="k" select="'summary.measured-end'"/><xsl:with-param name="to" select="'recovery'"/></xsl:call-template>
          </xsl:if>
        </cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.findings'"/></xsl:call-template></cell>
        <cell>
          <xsl:for-each select="$result/d:finding[@severity = 'major'][1] | $result/d:finding[@severity = 'minor'][1] | $result/d:finding[@severity = 'observation'][1]">
            <xsl:sort select="string-length(substring-before('major minor observation', @severity))" data-type="number"/>
            <xsl:variable name="sv" select="@severity"/>
            <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
            <xsl:call-template name="L"><xsl:with-param name="k" select="concat('severity.', $sv)"/></xsl:call-template>
            <xsl:text> </xsl:text><xsl:value-of select="count($result/d:finding[@severity = $sv])"/>
          </xsl:for-each>
          <xsl:if test="not($result/d:finding)"><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></xsl:if>
        </cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.actions'"/></xsl:call-template></cell>
        <cell>
          <xsl:if test="$act[contains(@f:findings, 'drill-action-overdue')]"><xsl:attribute name="background">#F9D0D0</xsl:attribute></xsl:if>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'summary.actions-total'"/></xsl:call-template>
          <xsl:value-of select="count($act)"/>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'summary.actions-done'"/></xsl:call-template>
          <xsl:value-of select="count($act[@done and not(contains(@f:findings, 'drill-action-overdue'))])"/>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'summary.actions-overdue'"/></xsl:call-template>
          <xsl:value-of select="count($act[contains(@f:findings, 'drill-action-overdue')])"/>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'summary.actions-end'"/></xsl:call-template>
          <xsl:call-template name="month"/>
          <xsl:call-template name="L"><xsl:with-param name="k" select="'summary.actions-end2'"/></xsl:call-template>
        </cell>
      </row>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'summary.plan-update'"/></xsl:call-template></cell>
        <cell>
          <xsl:choose>
            <xsl:when test="$result/d:plan-update"><xsl:call-template name="L"><xsl:with-param name="k" select="concat('plan-update.', $result/d:plan-update/@required)"/></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'plan-update.none'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </cell>
      </row>
    </table>
  </xsl:template>

  <!-- ===== 2 object, scope, scenario ===== -->
  <xsl:template name="object-scope">
    <h level="1" id="object"><xsl:call-template name="L"><xsl:with-param name="k" select="'object-scope'"/></xsl:call-template></h>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'object'"/></xsl:call-template></h>
    <xsl:call-template name="paras"><xsl:with-param name="set" select="$drill/d:object"/></xsl:call-template>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'scope'"/></xsl:call-template></h>
    <xsl:call-template name="paras"><xsl:with-param name="set" select="$drill/d:scope"/></xsl:call-template>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'scenario'"/></xsl:call-template></h>
    <p>
      <b>
        <xsl:call-template name="L"><xsl:with-param name="k" select="'drill.level'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template>
        <xsl:call-template name="grade-name"><xsl:with-param name="id" select="$drill/d:scenario/@level"/></xsl:call-template>
      </b>
      <xsl:call-template name="L"><xsl:with-param name="k" select="'scenario.level-sep'"/></xsl:call-template>
      <xsl:call-template name="t"><xsl:with-param name="n" select="$drill/d:scenario"/></xsl:call-template>
    </p>
    <xsl:if test="$drill/d:scenario/@f:md">
      <xsl:call-template name="prose">
        <xsl:with-param name="of" select="$drill/d:scenario"/>
        <xsl:with-param name="level" select="3"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===== 3 objectives, method, criteria ===== -->
  <xsl:template name="objectives-method">
    <h level="1" id="objectives"><xsl:call-template name="L"><xsl:with-param name="k" select="'objectives-method'"/></xsl:call-template></h>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'objectives'"/></xsl:call-template></h>
    <xsl:call-template name="objectives-table"/>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'method'"/></xsl:call-template></h>
    <p>
      <b><xsl:call-template name="L"><xsl:with-param name="k" select="concat('method.', $drill/d:method/@kind)"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template></b>
      <xsl:call-template name="t"><xsl:with-param name="n" select="$drill/d:method"/></xsl:call-template>
    </p>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'criteria'"/></xsl:call-template></h>
    <p><xsl:call-template name="label-ref"><xsl:with-param name="k" select="'criteria.intro'"/><xsl:with-param name="to" select="'conduct'"/></xsl:call-template></p>
    <xsl:call-template name="text-list"><xsl:with-param name="set" select="$drill/d:criterion"/></xsl:call-template>
  </xsl:template>

  <!-- ===== 5 conduct: the chart of the steps as carried out ===== -->
  <xsl:template name="conduct">
    <xsl:variable name="sr" select="$result/d:step-result"/>
    <h level="1" id="conduct"><xsl:call-template name="L"><xsl:with-param name="k" select="'conduct'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'conduct.intro'"/></xsl:call-template></p>
    <xsl:if test="$sr">
      <chart kind="gantt" height="{14 + 7 * count($sr)}mm">
        <xsl:attribute name="title"><xsl:call-template name="L"><xsl:with-param name="k" select="'conduct.chart'"/></xsl:call-template></xsl:attribute>
        <xsl:for-each select="$drill/d:step[@id = $sr/@step]">
          <xsl:variable name="r" select="$sr[@step = current()/@id][1]"/>
          <task start="{substring($r/@start, 1, 16)}" end="{substring($r/@end, 1, 16)}">
            <xsl:attribute name="label"><xsl:value-of select="@id"/><xsl:text> </xsl:text><xsl:call-template name="step-name"><xsl:with-param name="s" select="."/></xsl:call-template></xsl:attribute>
            <xsl:attribute name="colour"><xsl:call-template name="outcome-bar"><xsl:with-param name="o" select="$r/@outcome"/></xsl:call-template></xsl:attribute>
          </task>
        </xsl:for-each>
      </chart>
      <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'conduct.chart-note'"/></xsl:call-template></p>
    </xsl:if>
  </xsl:template>

  <!-- expected against actual, step by step (on a landscape page) -->
  <xsl:template name="conduct-table">
    <xsl:variable name="sr" select="$result/d:step-result"/>
    <table widths="11mm 27mm 18mm 1.3* 23mm 18mm 20mm 1*" header-rows="1" keep-with-next="true">
      <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'conduct.caption'"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'conduct.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step.role'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'step.duration'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step.action-expected'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step.times'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'step.minutes'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'step.outcome'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step.actual'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$drill/d:step">
        <xsl:variable name="r" select="$sr[@step = current()/@id][1]"/>
        <xsl:variable name="ps" select="$plan/d:recovery/d:step[@id = current()/@plan-step]"/>
        <row>
          <cell><xsl:value-of select="@id"/></cell>
          <cell><xsl:call-template name="role"><xsl:with-param name="id" select="@role"/></xsl:call-template></cell>
          <cell align="right"><xsl:call-template name="dur"><xsl:with-param name="d" select="@duration"/></xsl:call-template></cell>
          <cell>
            <xsl:if test="@plan-step">
              <p><span colour="#1F3A5F"><b>
                <xsl:value-of select="@plan-step"/>
                <xsl:if test="$ps/d:title"><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="n" select="$ps/d:title"/></xsl:call-template></xsl:if>
              </b></span></p>
            </xsl:if>
            <p><xsl:call-template name="t"><xsl:with-param name="n" select="d:action"/></xsl:call-template></p>
            <p><span colour="#505050"><b><xsl:call-template name="L"><xsl:with-param name="k" select="'step.expected'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template></b><xsl:call-template name="t"><xsl:with-param name="n" select="d:expected"/></xsl:call-template></span></p>
          </cell>
          <cell>
            <xsl:choose>
              <xsl:when test="$r"><xsl:call-template name="span"><xsl:with-param name="r" select="$r"/></xsl:call-template></xsl:when>
              <xsl:otherwise>—</xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell align="right">
            <xsl:choose>
              <xsl:when test="$r/@f:minutes"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$r/@f:minutes"/></xsl:call-template></xsl:when>
              <xsl:otherwise>—</xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell align="center">
            <xsl:attribute name="background"><xsl:call-template name="outcome-colour"><xsl:with-param name="o" select="$r/@outcome"/></xsl:call-template></xsl:attribute>
            <xsl:choose>
              <xsl:when test="$r"><xsl:call-template name="L"><xsl:with-param name="k" select="concat('outcome.', $r/@outcome)"/></xsl:call-template></xsl:when>
              <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'outcome.none'"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell><xsl:if test="$r"><xsl:call-template name="t"><xsl:with-param name="n" select="$r"/></xsl:call-template></xsl:if></cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note">
      <xsl:call-template name="L"><xsl:with-param name="k" select="'conduct.note'"/></xsl:call-template>
      <xsl:if test="$drill/d:method/@kind = 'tabletop' or $drill/d:method/@kind = 'walkthrough'">
        <xsl:call-template name="L"><xsl:with-param name="k" select="concat('conduct.note.', $drill/d:method/@kind)"/></xsl:call-template>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- ===== 6 recovery objectives achieved ===== -->

  <!-- one row: an objective's (or a measure's) RTO or RPO -->
  <xsl:template name="recovery-row">
    <xsl:param name="obj"/>          <!-- the d:objective, or none -->
    <xsl:param name="svc"/>          <!-- service id -->
    <xsl:param name="what"/>         <!-- rto | rpo -->
    <xsl:param name="first" select="true()"/>
    <xsl:variable name="m" select="$result/d:measured[@service = $svc][1]"/>
    <xsl:variable name="r" select="$facts/f:services/d:service[@id = $svc]/f:recovery"/>
    <xsl:variable name="target" select="$obj/@*[local-name() = concat('target-', $what)]"/>
    <xsl:variable name="measure">
      <xsl:choose>
        <xsl:when test="$what = 'rto'"><xsl:value-of select="$m/@recovery"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$m/@data-loss"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="check" select="$m/f:check"/>
    <xsl:variable name="met" select="$check/@*[local-name() = concat($what, '-met')]"/>
    <xsl:variable name="limit" select="$check/@*[local-name() = concat($what, '-limit-minutes')]"/>
    <xsl:variable name="verdict">
      <xsl:choose>
        <xsl:when test="$measure = ''">unmeasured</xsl:when>
        <xsl:when test="$met = 'false'">exceeded</xsl:when>
        <xsl:when test="$met = 'true'">met</xsl:when>
        <xsl:otherwise>no-limit</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <row>
      <cell>
        <xsl:if test="$first">
          <xsl:choose>
            <xsl:when test="$obj"><xsl:value-of select="$obj/@id"/></xsl:when>
            <xsl:otherwise>—</xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </cell>
      <cell><xsl:if test="$first"><xsl:call-template name="service-name"><xsl:with-param name="id" select="$svc"/></xsl:call-template></xsl:if></cell>
      <cell><xsl:call-template name="L"><xsl:with-param name="k" select="$what"/></xsl:call-template></cell>
      <cell align="right"><xsl:choose><xsl:when test="$target"><xsl:call-template name="dur"><xsl:with-param name="d" select="$target"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
      <cell align="right">
        <xsl:variable name="req" select="$r/@*[local-name() = concat($what, '-minutes')]"/>
        <xsl:choose><xsl:when test="$req"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$req"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose>
      </cell>
      <cell align="right"><xsl:choose><xsl:when test="$limit"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$limit"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
      <cell align="right"><xsl:choose><xsl:when test="$measure != ''"><xsl:call-template name="dur"><xsl:with-param name="d" select="$measure"/></xsl:call-template></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
      <cell align="center">
        <xsl:attribute name="background"><xsl:call-template name="outcome-colour"><xsl:with-param name="o" select="$verdict"/></xsl:call-template></xsl:attribute>
        <xsl:call-template name="L"><xsl:with-param name="k" select="concat('verdict.', $verdict)"/></xsl:call-template>
      </cell>
    </row>
  </xsl:template>

  <xsl:template name="recovery">
    <h level="1" id="recovery"><xsl:call-template name="L"><xsl:with-param name="k" select="'recovery'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'recovery.intro'"/></xsl:call-template></p>
    <xsl:variable name="objs" select="$drill/d:objective[@service]"/>
    <xsl:variable name="extra" select="$result/d:measured[not(@service = $objs/@service)]"/>
    <xsl:choose>
      <xsl:when test="$objs or $extra">
        <group keep-together="true">
        <table widths="11mm 1* 15mm 19mm 19mm 19mm 22mm 20mm" header-rows="1">
          <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'recovery.caption'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'recovery.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'objective.short'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'service'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'recovery.measure'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'objective.drill-target'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'objective.required'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'recovery.limit'"/></xsl:call-template></cell>
            <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'recovery.measured'"/></xsl:call-template></cell>
            <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'recovery.verdict'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$objs">
            <xsl:variable name="m" select="$result/d:measured[@service = current()/@service][1]"/>
            <xsl:call-template name="recovery-row">
              <xsl:with-param name="obj" select="."/>
              <xsl:with-param name="svc" select="@service"/>
              <xsl:with-param name="what" select="'rto'"/>
            </xsl:call-template>
            <xsl:if test="@target-rpo or $m/@data-loss">
              <xsl:call-template name="recovery-row">
                <xsl:with-param name="obj" select="."/>
                <xsl:with-param name="svc" select="@service"/>
                <xsl:with-param name="what" select="'rpo'"/>
                <xsl:with-param name="first" select="false()"/>
              </xsl:call-template>
            </xsl:if>
          </xsl:for-each>
          <xsl:for-each select="$extra">
            <xsl:call-template name="recovery-row">
              <xsl:with-param name="obj" select="/.."/>
              <xsl:with-param name="svc" select="@service"/>
              <xsl:with-param name="what" select="'rto'"/>
            </xsl:call-template>
            <xsl:if test="@data-loss">
              <xsl:call-template name="recovery-row">
                <xsl:with-param name="obj" select="/.."/>
                <xsl:with-param name="svc" select="@service"/>
                <xsl:with-param name="what" select="'rpo'"/>
                <xsl:with-param name="first" select="false()"/>
              </xsl:call-template>
            </xsl:if>
          </xsl:for-each>
        </table>
        <p style="note">
          <xsl:call-template name="L"><xsl:with-param name="k" select="'recovery.note'"/></xsl:call-template>
          <xsl:if test="$drill/d:objective[not(@service)]">
            <xsl:call-template name="L"><xsl:with-param name="k" select="'recovery.note-other'"/></xsl:call-template>
            <xsl:for-each select="$drill/d:objective[not(@service)]">
              <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
              <xsl:value-of select="@id"/>
            </xsl:for-each>
            <xsl:call-template name="L"><xsl:with-param name="k" select="'recovery.note-other2'"/></xsl:call-template>
          </xsl:if>
        </p>
        </group>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'recovery.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'recovery.findings'"/></xsl:call-template></h>
    <xsl:call-template name="findings-of">
      <xsl:with-param name="set" select="$own-findings[@kind = 'drill-rto-exceeded' or @kind = 'drill-rpo-exceeded']"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== 7 findings of the drill ===== -->
  <xsl:template name="findings">
    <h level="1" id="findings"><xsl:call-template name="L"><xsl:with-param name="k" select="'findings'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="label-ref"><xsl:with-param name="k" select="'findings.intro'"/><xsl:with-param name="to" select="'actions'"/></xsl:call-template></p>
    <xsl:choose>
      <xsl:when test="$result/d:finding">
        <group keep-together="true">
        <table widths="11mm 22mm 1* 22mm" header-rows="1">
          <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'findings.caption'"/></xsl:call-template></xsl:attribute>
          <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'findings.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
            <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'severity'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'finding'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'finding.actions'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$result/d:finding">
            <row>
              <cell><xsl:value-of select="@id"/></cell>
              <cell align="center">
                <xsl:attribute name="background"><xsl:call-template name="outcome-colour"><xsl:with-param name="o" select="@severity"/></xsl:call-template></xsl:attribute>
                <xsl:call-template name="L"><xsl:with-param name="k" select="concat('severity.', @severity)"/></xsl:call-template>
              </cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="."/></xsl:call-template></cell>
              <cell>
                <xsl:for-each select="$result/d:action[@finding = current()/@id]">
                  <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
                  <xsl:value-of select="@id"/>
                </xsl:for-each>
                <xsl:if test="not($result/d:action[@finding = current()/@id])">—</xsl:if>
              </cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'findings.note'"/></xsl:call-template></p>
        </group>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'findings.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== 8 corrective actions ===== -->
  <xsl:template name="actions">
    <h level="1" id="actions"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions'"/></xsl:call-template></h>
    <p keep-with-next="true">
      <xsl:call-template name="fill">
        <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.intro'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="s"><xsl:call-template name="month"/></xsl:with-param>
      </xsl:call-template>
    </p>
    <xsl:choose>
      <xsl:when test="$result/d:action">
        <table widths="11mm 13mm 1* 17mm 21mm 30mm" header-rows="1" keep-with-next="true">
          <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.caption'"/></xsl:call-template></xsl:attribute>
          <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'id'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'action.finding'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'action'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'owner'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'due'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'action.status'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$result/d:action">
            <xsl:variable name="st">
              <xsl:choose>
                <xsl:when test="contains(@f:findings, 'drill-action-overdue')">overdue</xsl:when>
                <xsl:when test="@done">done</xsl:when>
                <xsl:otherwise>open</xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <row>
              <xsl:if test="$st = 'overdue'"><xsl:attribute name="background">#FBE3E3</xsl:attribute></xsl:if>
              <cell><xsl:value-of select="@id"/></cell>
              <cell><xsl:choose><xsl:when test="@finding"><xsl:value-of select="@finding"/></xsl:when><xsl:otherwise>—</xsl:otherwise></xsl:choose></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="."/></xsl:call-template></cell>
              <cell><xsl:call-template name="person"><xsl:with-param name="id" select="@owner"/></xsl:call-template></cell>
              <cell><xsl:value-of select="@due"/></cell>
              <cell>
                <xsl:attribute name="background"><xsl:call-template name="outcome-colour"><xsl:with-param name="o" select="$st"/></xsl:call-template></xsl:attribute>
                <xsl:call-template name="L"><xsl:with-param name="k" select="concat('action.', $st)"/></xsl:call-template>
                <xsl:if test="$st = 'done'"><xsl:text> </xsl:text><xsl:value-of select="@done"/></xsl:if>
              </cell>
            </row>
          </xsl:for-each>
        </table>
        <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.note'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$own-findings[@kind = 'drill-action-overdue']">
      <p keep-with-next="true" style="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'actions.findings'"/></xsl:call-template></p>
      <xsl:call-template name="findings-of">
        <xsl:with-param name="set" select="$own-findings[@kind = 'drill-action-overdue']"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===== 9 lessons ===== -->
  <xsl:template name="lessons">
    <h level="1" id="lessons"><xsl:call-template name="L"><xsl:with-param name="k" select="'lessons'"/></xsl:call-template></h>
    <xsl:call-template name="text-list"><xsl:with-param name="set" select="$result/d:lesson"/></xsl:call-template>
  </xsl:template>

  <!-- ===== 10 changes to the plan ===== -->
  <xsl:template name="plan-update">
    <xsl:variable name="u" select="$result/d:plan-update"/>
    <h level="1" id="plan-update"><xsl:call-template name="L"><xsl:with-param name="k" select="'plan-update'"/></xsl:call-template></h>
    <p>
      <b>
        <xsl:call-template name="L"><xsl:with-param name="k" select="'plan-update.required'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="$u"><xsl:call-template name="L"><xsl:with-param name="k" select="concat('plan-update.', $u/@required)"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'plan-update.none'"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </b>
    </p>
    <xsl:if test="$u">
      <p><xsl:call-template name="t"><xsl:with-param name="n" select="$u"/></xsl:call-template></p>
    </xsl:if>
    <xsl:if test="$plan-doc">
      <xsl:variable name="pr" select="$plan-doc/d:revision[last()]"/>
      <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'plan-update.current'"/></xsl:call-template></h>
      <table widths="26mm 1*">
        <xsl:call-template name="record-row">
          <xsl:with-param name="k" select="'drill.plan'"/>
          <xsl:with-param name="span" select="1"/>
          <xsl:with-param name="v"><xsl:call-template name="plan-ref"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="record-row">
          <xsl:with-param name="k" select="'plan-update.revision'"/>
          <xsl:with-param name="span" select="1"/>
          <xsl:with-param name="v">
            <xsl:value-of select="$pr/@version"/>
            <xsl:call-template name="L"><xsl:with-param name="k" select="'paren.open'"/></xsl:call-template>
            <xsl:value-of select="$pr/@date"/>
            <xsl:if test="$pr/@effective"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'effective'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="$pr/@effective"/></xsl:if>
            <xsl:call-template name="L"><xsl:with-param name="k" select="'paren.close'"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="record-row">
          <xsl:with-param name="k" select="'revision.change'"/>
          <xsl:with-param name="span" select="1"/>
          <xsl:with-param name="v"><xsl:value-of select="normalize-space($pr)"/></xsl:with-param>
        </xsl:call-template>
      </table>
      <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'plan-update.note'"/></xsl:call-template></p>
    </xsl:if>
  </xsl:template>

  <!-- ===== 11 data sources ===== -->
  <xsl:template name="sources">
    <group keep-together="true">
    <h level="1" id="sources"><xsl:call-template name="L"><xsl:with-param name="k" select="'sources'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'sources.intro'"/></xsl:call-template></p>
    <table widths="1* 66mm 16mm" header-rows="1">
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'sources.record'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'sources.file'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'sources.line'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$drill | $plan | $facts/f:register/d:document[@number = $number] | $plan-doc | $org | $facts/f:services/d:service[@id = $drill/d:objective/@service or @id = $result/d:measured/@service]">
        <row>
          <cell>
            <xsl:call-template name="L"><xsl:with-param name="k" select="concat('sources.', local-name())"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:choose>
              <xsl:when test="@number"><xsl:value-of select="@number"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise>
            </xsl:choose>
          </cell>
          <cell><code><xsl:value-of select="@f:file"/></code></cell>
          <cell align="right"><xsl:value-of select="@f:line"/></cell>
        </row>
      </xsl:for-each>
      <xsl:for-each select="$drill/d:scenario[@f:md]">
        <row>
          <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'sources.scenario'"/></xsl:call-template></cell>
          <cell><code><xsl:value-of select="@f:md"/></code></cell>
          <cell align="right"/>
        </row>
      </xsl:for-each>
    </table>
    </group>
  </xsl:template>

</xsl:stylesheet>
