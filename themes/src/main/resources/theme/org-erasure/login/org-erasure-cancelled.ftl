<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
  <#if section = "header">
    ${msg("orgErasureCancelledHeader")}
  <#elseif section = "form">
    <div id="org-erasure-cancelled">
      <p>${msg("orgErasureCancelledText", organizationName)}</p>
      <p>${msg("orgErasureCancelSessions")}</p>
    </div>
  </#if>
</@layout.registrationLayout>
