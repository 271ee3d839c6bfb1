<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
  <#if section = "header">
    ${msg("orgErasureClosedTitle")}
  <#elseif section = "form">
    <form action="${url.loginAction}" class="${properties.kcFormClass!}" id="org-erasure-closed-form" method="post">
      <div id="org-erasure-organisation-closed">
        <#list closedOrganisations as organisation>
          <p>${msg("orgErasureClosedText", organisation)}</p>
        </#list>
        <p>${msg("orgErasureClosedOnboarding")}</p>
      </div>
      <@buttons.actionGroup>
        <@buttons.button id="org-erasure-closed-continue" label="orgErasureClosedContinue"/>
      </@buttons.actionGroup>
    </form>
  </#if>
</@layout.registrationLayout>
