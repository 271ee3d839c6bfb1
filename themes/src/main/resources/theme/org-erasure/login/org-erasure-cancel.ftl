<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
  <#if section = "header">
    ${msg("orgErasureCancelHeader")}
  <#elseif section = "form">
    <div id="org-erasure-cancel">
      <p>${msg("orgErasureCancelText", organizationName, memberCount)}</p>
      <p>${msg("orgErasureCancelSessions")}</p>
      <form action="${action}" class="${properties.kcFormClass!}" id="org-erasure-cancel-form" method="post">
        <input type="hidden" name="token" value="${token}"/>
        <@buttons.actionGroup>
          <@buttons.button id="org-erasure-cancel-confirm" name="confirm" label="orgErasureCancelConfirm"/>
        </@buttons.actionGroup>
      </form>
    </div>
  </#if>
</@layout.registrationLayout>
