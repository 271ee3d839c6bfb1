<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
  <#if section = "header">
    <#if reason == "orgErasureCancelTryAgain">${msg("orgErasureCancelNotNowHeader")}<#else>${msg("orgErasureCancelRefusedHeader")}</#if>
  <#elseif section = "form">
    <div id="org-erasure-cancel-refused" data-reason="${reason}">
      <p>${msg(reason)}</p>
    </div>
  </#if>
</@layout.registrationLayout>
