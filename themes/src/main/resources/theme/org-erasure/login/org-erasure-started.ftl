<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
  <#if section = "header">
    ${msg("orgErasureStartedHeader")}
  <#elseif section = "form">
    <div id="org-erasure-started" data-erasure-id="${erasureId}">
      <p>${msg("orgErasureStartedText", organization.name, organization.memberCount)}</p>
      <p>${msg((memberPolicy == "DETACH")?then("orgErasureStartedEmailDetach", "orgErasureStartedEmail"))}</p>
      <p>${msg("orgErasureStartedReference", erasureId)}</p>
    </div>
  </#if>
</@layout.registrationLayout>
