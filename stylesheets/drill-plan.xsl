<?xml version="1.0" encoding="UTF-8"?>
<!--
  drill-plan.xsl: the plan of one continuity drill (演练计划), the register
  document's @drill naming the d:drill in f:drills, written before the drill
  as the process manual's "drill work management process" asks (ISO 22301
  8.5, ISO/IEC 20000-1 8.7.2):
    1 overview: the drill record (id, name, plan exercised and its
      controlled document, date, lead, method, event level, location, the
      source record) and why it is held now: the plan's exercise status
      (last drill, next due, overdue, retest after a significant change,
      the plan's designed recovery time) with the plan's findings;
    2 object and scope;
    3 objectives and their measures: target RTO / RPO of the drill beside
      the RTO / RPO the business requires (computed), and the criteria;
    4 method and scenario, with the event level and the scenario's
      Markdown if it has one;
    5 participating departments and people;
    6 schedule: a Gantt chart per day of the schedule slots, and the slots
      as a table;
    7 steps: role, the plan step exercised, duration, action and expected
      result;
    8 resources;
    9 risks of the drill itself and their countermeasures;
   10 records to keep;
   11 evaluation criteria;
   12 data sources: the records behind the plan.
  The drill's figures are its own (durations as written, shown in words);
  required RTO / RPO and the plan's status come from the facts.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:dossier:layout:1"
    xmlns:f="urn:dossier:facts:1"
    xmlns:d="urn:dossier:1"
    exclude-result-prefixes="f d">

  <xsl:import href="common.xsl"/>
  <xsl:variable name="kind" select="'drill-plan'"/>

  <xsl:variable name="drill" select="$facts/f:drills/d:drill[@id = $doc/@drill]"/>
  <xsl:variable name="plan" select="$facts/f:plans/d:plan[@id = $drill/@plan]"/>
  <xsl:variable name="plan-doc" select="($facts/f:register/d:document[@plan = $drill/@plan][@status = 'approved'] | $facts/f:register/d:document[@plan = $drill/@plan])[1]"/>

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
      <section master="body">
        <xsl:call-template name="front-matter"/>
        <xsl:choose>
          <xsl:when test="$drill">
            <xsl:call-template name="overview"/>
            <xsl:call-template name="object-scope"/>
            <xsl:call-template name="objectives"/>
            <xsl:call-template name="method-scenario"/>
            <xsl:call-template name="participants"/>
            <xsl:call-template name="schedule"/>
            <xsl:call-template name="steps"/>
            <xsl:call-template name="resources"/>
            <xsl:call-template name="drill-risks"/>
            <xsl:call-template name="records"/>
            <xsl:call-template name="criteria"/>
            <xsl:call-template name="sources"/>
          </xsl:when>
          <xsl:otherwise>
            <p><xsl:call-template name="L"><xsl:with-param name="k" select="'no-drill'"/></xsl:call-template><xsl:value-of select="$doc/@drill"/></p>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </document>
  </xsl:template>

  <!-- ===== helpers (the same in drill-report.xsl) ===== -->


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


  <!-- a Gantt chart of the schedule slots of one day; the label is the
       slot's text up to its first colon -->
  <xsl:template name="schedule-chart">
    <xsl:param name="day"/>
    <xsl:variable name="slots" select="$drill/d:schedule/d:slot[substring(@start, 1, 10) = $day]"/>
    <chart kind="gantt" height="{12 + 8 * count($slots)}mm">
      <xsl:attribute name="title">
        <xsl:call-template name="L"><xsl:with-param name="k" select="'schedule.chart'"/></xsl:call-template>
        <xsl:call-template name="date"><xsl:with-param name="d" select="$day"/></xsl:call-template>
      </xsl:attribute>
      <xsl:for-each select="$slots">
        <xsl:variable name="text"><xsl:call-template name="t"><xsl:with-param name="n" select="."/></xsl:call-template></xsl:variable>
        <task start="{substring(@start, 1, 16)}" end="{substring(@end, 1, 16)}">
          <xsl:attribute name="label">
            <xsl:choose>
              <xsl:when test="contains($text, '：')"><xsl:value-of select="substring-before($text, '：')"/></xsl:when>
              <xsl:when test="contains($text, ': ')"><xsl:value-of select="substring-before($text, ': ')"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
        </task>
      </xsl:for-each>
    </chart>
  </xsl:template>

  <!-- ===== 1 overview ===== -->
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
        <xsl:with-param name="k" select="'drill.services'"/>
        <xsl:with-param name="v">
          <xsl:for-each select="$plan/d:covers">
            <xsl:if test="position() &gt; 1"><xsl:call-template name="L"><xsl:with-param name="k" select="'sep'"/></xsl:call-template></xsl:if>
            <xsl:call-template name="service-name"><xsl:with-param name="id" select="@service"/></xsl:call-template>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </table>

    <h level="2" id="basis"><xsl:call-template name="L"><xsl:with-param name="k" select="'basis'"/></xsl:call-template></h>
    <p keep-with-next="true">
      <xsl:call-template name="fill">
        <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'basis.intro'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="s"><xsl:call-template name="month"/></xsl:with-param>
      </xsl:call-template>
    </p>
    <xsl:variable name="e" select="$plan/f:exercise"/>
    <table widths="1* 1* 1* 1* 1*" header-rows="1">
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'last-drill'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'basis.next-due'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-overdue'"/></xsl:call-template></cell>
        <cell align="center"><xsl:call-template name="L"><xsl:with-param name="k" select="'retest-due'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'basis.duration'"/></xsl:call-template></cell>
      </row>
      <row>
        <cell>
          <xsl:choose>
            <xsl:when test="$e/@last-drill"><xsl:value-of select="$e/@last-drill"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="L"><xsl:with-param name="k" select="'basis.never'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </cell>
        <cell><xsl:value-of select="$e/@next-drill-due"/></cell>
        <cell align="center">
          <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string($e/@drill-overdue = 'false')"/></xsl:call-template></xsl:attribute>
          <xsl:call-template name="L"><xsl:with-param name="k" select="concat('yesno.', $e/@drill-overdue)"/></xsl:call-template>
        </cell>
        <cell align="center">
          <xsl:attribute name="background"><xsl:call-template name="rag-colour"><xsl:with-param name="status" select="string($e/@retest-due = 'false')"/></xsl:call-template></xsl:attribute>
          <xsl:call-template name="L"><xsl:with-param name="k" select="concat('yesno.', $e/@retest-due)"/></xsl:call-template>
          <xsl:if test="$e/@changed"><xsl:call-template name="L"><xsl:with-param name="k" select="'paren.open'"/></xsl:call-template><xsl:value-of select="$e/@changed"/><xsl:if test="$e/@change"><xsl:text> </xsl:text><xsl:value-of select="$e/@change"/></xsl:if><xsl:call-template name="L"><xsl:with-param name="k" select="'paren.close'"/></xsl:call-template></xsl:if>
        </cell>
        <cell align="right"><xsl:call-template name="minutes"><xsl:with-param name="m" select="$e/@duration-minutes"/></xsl:call-template></cell>
      </row>
    </table>
    <xsl:if test="$e/@retest-due = 'true' and not($e/@change) and $plan/d:significant-change[@date = $e/@changed]">
      <p style="note">
        <xsl:call-template name="L"><xsl:with-param name="k" select="'basis.change'"/></xsl:call-template>
        <xsl:call-template name="t"><xsl:with-param name="n" select="$plan/d:significant-change[@date = $e/@changed]"/></xsl:call-template>
      </p>
    </xsl:if>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'basis.note'"/></xsl:call-template></p>
    <xsl:call-template name="findings-of">
      <xsl:with-param name="set" select="$facts/f:findings/f:finding[@subject = $drill/@plan or @subject = $drill/@id]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== 2 object and scope ===== -->
  <xsl:template name="object-scope">
    <h level="1" id="object"><xsl:call-template name="L"><xsl:with-param name="k" select="'object-scope'"/></xsl:call-template></h>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'object'"/></xsl:call-template></h>
    <xsl:call-template name="paras"><xsl:with-param name="set" select="$drill/d:object"/></xsl:call-template>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'scope'"/></xsl:call-template></h>
    <xsl:call-template name="paras"><xsl:with-param name="set" select="$drill/d:scope"/></xsl:call-template>
  </xsl:template>

  <!-- ===== 3 objectives ===== -->
  <xsl:template name="objectives">
    <h level="1" id="objectives"><xsl:call-template name="L"><xsl:with-param name="k" select="'objectives'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'objectives.intro'"/></xsl:call-template></p>
    <xsl:call-template name="objectives-table"/>
  </xsl:template>

  <!-- the objectives with their drill targets and the requirements (the
       same in drill-report.xsl) -->
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

  <!-- ===== 4 method and scenario ===== -->
  <xsl:template name="method-scenario">
    <h level="1" id="method"><xsl:call-template name="L"><xsl:with-param name="k" select="'method-scenario'"/></xsl:call-template></h>
    <h level="2"><xsl:call-template name="L"><xsl:with-param name="k" select="'method'"/></xsl:call-template></h>
    <p>
      <b><xsl:call-template name="L"><xsl:with-param name="k" select="concat('method.', $drill/d:method/@kind)"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'colon'"/></xsl:call-template></b>
      <xsl:call-template name="t"><xsl:with-param name="n" select="$drill/d:method"/></xsl:call-template>
    </p>
    <p style="note">
      <xsl:call-template name="L"><xsl:with-param name="k" select="concat('method.', $drill/d:method/@kind, '.about')"/></xsl:call-template>
    </p>
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

  <!-- ===== 5 participants ===== -->
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

  <!-- ===== 6 schedule ===== -->
  <xsl:template name="schedule">
    <xsl:variable name="slots" select="$drill/d:schedule/d:slot"/>
    <h level="1" id="schedule"><xsl:call-template name="L"><xsl:with-param name="k" select="'schedule'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'schedule.intro'"/></xsl:call-template></p>
    <xsl:for-each select="$slots">
      <xsl:variable name="day" select="substring(@start, 1, 10)"/>
      <xsl:if test="not(preceding-sibling::d:slot[substring(@start, 1, 10) = $day])">
        <xsl:call-template name="schedule-chart"><xsl:with-param name="day" select="$day"/></xsl:call-template>
      </xsl:if>
    </xsl:for-each>
    <group keep-together="true">
    <table header-rows="1">
      <xsl:attribute name="widths"><xsl:choose><xsl:when test="$en">34mm 24mm 1*</xsl:when><xsl:otherwise>30mm 26mm 1*</xsl:otherwise></xsl:choose></xsl:attribute>
      <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'schedule.caption'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'schedule.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'schedule.date'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'schedule.time'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'schedule.activity'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$slots">
        <row>
          <cell><xsl:call-template name="date"><xsl:with-param name="d" select="substring(@start, 1, 10)"/></xsl:call-template></cell>
          <cell>
            <xsl:call-template name="hm"><xsl:with-param name="t" select="@start"/></xsl:call-template>
            <xsl:text>–</xsl:text>
            <xsl:if test="substring(@end, 1, 10) != substring(@start, 1, 10)"><xsl:value-of select="substring(@end, 6, 5)"/><xsl:text> </xsl:text></xsl:if>
            <xsl:call-template name="hm"><xsl:with-param name="t" select="@end"/></xsl:call-template>
          </cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="."/></xsl:call-template></cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'schedule.note'"/></xsl:call-template></p>
    </group>
  </xsl:template>

  <!-- ===== 7 steps ===== -->
  <xsl:template name="steps">
    <h level="1" id="steps"><xsl:call-template name="L"><xsl:with-param name="k" select="'steps'"/></xsl:call-template></h>
    <p keep-with-next="true">
      <xsl:call-template name="fill">
        <xsl:with-param name="t"><xsl:call-template name="L"><xsl:with-param name="k" select="'steps.intro'"/></xsl:call-template></xsl:with-param>
        <xsl:with-param name="s" select="$drill/@plan"/>
      </xsl:call-template>
    </p>
    <table widths="10mm 26mm 17mm 1* 1*" header-rows="1" keep-with-next="true">
      <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'steps.caption'"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'steps.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
      <row>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step.role'"/></xsl:call-template></cell>
        <cell align="right"><xsl:call-template name="L"><xsl:with-param name="k" select="'step.duration'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step.action'"/></xsl:call-template></cell>
        <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'step.expected'"/></xsl:call-template></cell>
      </row>
      <xsl:for-each select="$drill/d:step">
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
          </cell>
          <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:expected"/></xsl:call-template></cell>
        </row>
      </xsl:for-each>
    </table>
    <p style="note"><xsl:call-template name="L"><xsl:with-param name="k" select="'steps.note'"/></xsl:call-template></p>
  </xsl:template>

  <!-- ===== 8 resources ===== -->
  <xsl:template name="resources">
    <h level="1" id="resources"><xsl:call-template name="L"><xsl:with-param name="k" select="'resources'"/></xsl:call-template></h>
    <xsl:call-template name="text-list">
      <xsl:with-param name="set" select="$drill/d:resource"/>
    </xsl:call-template>
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

  <!-- ===== 9 risks of the drill ===== -->
  <xsl:template name="drill-risks">
    <h level="1" id="risks"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-risks'"/></xsl:call-template></h>
    <p keep-with-next="true"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-risks.intro'"/></xsl:call-template></p>
    <xsl:choose>
      <xsl:when test="$drill/d:drill-risk">
        <table widths="9mm 1* 1.5*" header-rows="1">
          <xsl:attribute name="caption"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-risks.caption'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="continued"><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-risks.caption'"/></xsl:call-template><xsl:call-template name="L"><xsl:with-param name="k" select="'continued'"/></xsl:call-template></xsl:attribute>
          <row>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'no.'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'drill-risk'"/></xsl:call-template></cell>
            <cell><xsl:call-template name="L"><xsl:with-param name="k" select="'countermeasure'"/></xsl:call-template></cell>
          </row>
          <xsl:for-each select="$drill/d:drill-risk">
            <row>
              <cell><xsl:value-of select="position()"/></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:risk"/></xsl:call-template></cell>
              <cell><xsl:call-template name="t"><xsl:with-param name="n" select="d:countermeasure"/></xsl:call-template></cell>
            </row>
          </xsl:for-each>
        </table>
      </xsl:when>
      <xsl:otherwise><p><xsl:call-template name="L"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== 10 records ===== -->
  <xsl:template name="records">
    <h level="1" id="records"><xsl:call-template name="L"><xsl:with-param name="k" select="'records'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'records.intro'"/></xsl:call-template></p>
    <xsl:call-template name="text-list"><xsl:with-param name="set" select="$drill/d:record"/></xsl:call-template>
  </xsl:template>

  <!-- ===== 11 criteria ===== -->
  <xsl:template name="criteria">
    <h level="1" id="criteria"><xsl:call-template name="L"><xsl:with-param name="k" select="'criteria'"/></xsl:call-template></h>
    <p><xsl:call-template name="L"><xsl:with-param name="k" select="'criteria.intro'"/></xsl:call-template></p>
    <xsl:call-template name="text-list"><xsl:with-param name="set" select="$drill/d:criterion"/></xsl:call-template>
  </xsl:template>

  <!-- ===== 12 data sources ===== -->
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
      <xsl:for-each select="$drill | $plan | $facts/f:register/d:document[@number = $number] | $plan-doc | $org | $facts/f:services/d:service[@id = $drill/d:objective/@service]">
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
