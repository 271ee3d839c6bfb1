<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
  <#if section = "header">
    ${msg("orgErasureCancelRefusedHeader")}
  <#elseif section = "form">
    <div id="org-erasure-cancel-refused" data-reason="${reason}">
      <p>${msg(reason)}</p>
    </div>
  </#if>
</@layout.registrationLayout>
